"""Damaged and random files never crash the CSV readers: each one is read or refused with the
app's own plain error, and the file handed in is left byte for byte as it was."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pledge_desktop.domain.errors import PledgeError
from pledge_desktop.domain.questionnaire import from_json
from pledge_desktop.exchange.redcap import read_dictionary_file, write_dictionary
from pledge_desktop.exchange.responses_csv import read_responses_file
from pledge_desktop.paths import resource

DATA = Path(__file__).resolve().parents[1] / "data" / "redcap"
TEMPLATE = from_json(resource("questionnaires", "primary-breast-cancer.json").read_text("utf-8"))
DICTIONARIES = [
    (DATA / "survey-data-dictionary.csv").read_bytes(),
    write_dictionary(TEMPLATE).encode("utf-8"),
]
GOOD_FORMS = (
    "serial,diag_private,bcn_named,bcn_contact,tx_received,surgery_ready,improve_one_thing,"
    'age_band\n301,1,1,2,1;3,1,More caf\u00e9s,3\n302,2,2,,2,,,?\n0303,,1,5,"1,2",2,"Quicker '
    'letters, please",6\n'
)
RESPONSES = [GOOD_FORMS.encode("utf-8"), GOOD_FORMS.encode("cp1252")]
FUZZ = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@st.composite
def damaged(draw: st.DrawFn, originals: list[bytes]) -> bytes:
    """A valid file with bytes flipped, cut short, cut out, repeated or inserted."""
    data = bytearray(draw(st.sampled_from(originals)))
    for _ in range(draw(st.integers(1, 4))):
        where = draw(st.integers(0, max(0, len(data) - 1)))
        how = draw(st.sampled_from(["flip", "cut", "drop", "insert", "repeat"]))
        if how == "flip" and data:
            data[where] ^= 1 << draw(st.integers(0, 7))
        elif how == "cut":
            del data[where:]
        elif how == "drop":
            del data[where : where + draw(st.integers(1, 40))]
        elif how == "insert":
            data[where:where] = draw(
                st.one_of(
                    st.binary(min_size=1, max_size=8),
                    st.sampled_from([b'"', b",", b"\n", b"\r", b"\x00", b"\xef\xbb\xbf", b"=-"]),
                )
            )
        else:
            data[where:where] = data[where : where + draw(st.integers(1, 200))] * 3
    return bytes(data)


def any_file(originals: list[bytes]) -> st.SearchStrategy[bytes]:
    return st.one_of(st.binary(max_size=2_000), damaged(originals))


def read_only_with_plain_errors(path: Path, raw: bytes, read) -> None:  # type: ignore[no-untyped-def]
    path.write_bytes(raw)
    try:
        read(path)
    except PledgeError as error:
        assert str(error).strip(), "every refusal says why"
        assert "Traceback" not in str(error)
    assert path.read_bytes() == raw


@pytest.mark.timeout(600)
@FUZZ
@given(raw=any_file(DICTIONARIES))
def test_any_dictionary_file_is_read_or_plainly_refused(tmp_path: Path, raw: bytes) -> None:
    read_only_with_plain_errors(
        tmp_path / "dictionary.csv", raw, lambda p: read_dictionary_file(p, "Fuzzed")
    )


@pytest.mark.timeout(600)
@FUZZ
@given(raw=any_file(RESPONSES))
def test_any_typed_forms_file_is_read_or_plainly_refused(tmp_path: Path, raw: bytes) -> None:
    read_only_with_plain_errors(
        tmp_path / "typed.csv", raw, lambda p: read_responses_file(p, TEMPLATE)
    )
