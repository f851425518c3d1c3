"""The identifier check on everything printed for the public and on the published pledge, as a
nurse meets it on the command line: `pledge booklet`, `pledge poster` and `pledge publish`
refuse while something could identify someone, naming where (masked); `--redact` prints
[removed]; the published pledge can travel with the charity package, checked the same way."""

import json
import zipfile
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import update

from pledge_desktop.cli import main
from pledge_desktop.db import models as m
from pledge_desktop.domain.pledge_year import SignOff
from pledge_desktop.services.workspace import open_workspace
from tests.pdfs import pdf_text

PATIENT = "Mrs Margery Testcase"
PHONE = "07700 900461"


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def planted(demo_folder: str) -> str:
    """Every goal of the 2026 primary pledge names a patient and her phone number."""
    with open_workspace(Path(demo_folder)) as ws:
        cycle = ws.cycles.find("2026")
        with ws.db.transaction() as session:
            session.execute(
                update(m.Goal)
                .where(m.Goal.cycle_id == cycle.id)
                .values(title=m.Goal.title + f" ({PATIENT} asked, {PHONE})")
            )
    return demo_folder


def test_the_booklet_is_refused_then_redacted(capsys, planted: str, tmp_path: Path) -> None:
    out = tmp_path / "booklet.pdf"
    code, _said, err = run(capsys, "--data-dir", planted, "booklet", "--out", str(out))
    assert code == 1 and not out.exists()
    assert "in the booklet could identify someone" in err
    assert "goal / 1 / title: name, M****** T*******" in err
    assert "phone number" in err and "Margery" not in err and PHONE not in err
    code, said, _err = run(capsys, "--data-dir", planted, "booklet", "--redact", "--out", str(out))
    assert code == 0 and "Removed" in said and "→ [removed]" in said
    text = pdf_text(out)
    assert "[removed]" in text
    assert "Testcase" not in text and "900461" not in text
    assert "Grace Sample" in text and "01632 960125" in text  # the team, printed by design
    web = tmp_path / "booklet.html"
    code, _said, _err = run(
        capsys, "--data-dir", planted, "booklet", "--format", "html", "--out", str(web)
    )
    assert code == 1 and not web.exists()


def test_the_poster_is_refused_then_redacted(capsys, planted: str, tmp_path: Path) -> None:
    out = tmp_path / "poster.pdf"
    code, _said, err = run(capsys, "--data-dir", planted, "poster", "--out", str(out))
    assert code == 1 and not out.exists() and "in the poster could identify someone" in err
    code, _said, _err = run(capsys, "--data-dir", planted, "poster", "--redact", "--out", str(out))
    assert code == 0
    text = pdf_text(out)
    assert "[removed]" in text and "Testcase" not in text and "900461" not in text


def sign_off(folder: str) -> None:
    with open_workspace(Path(folder)) as ws:
        cycle = ws.cycles.find("2026")
        ws.sign_off.save_sign_off(
            SignOff(
                cycle.id, "Dr Test", "Clinical Director", date(2026, 9, 1), publish_consent=True
            )
        )


def test_the_published_pledge_goes_with_the_package(capsys, planted: str, tmp_path: Path) -> None:
    package = tmp_path / "2026.zip"
    export = ("--data-dir", planted, "export", "--cycle", "2026", "--out", str(package))
    code, _said, err = run(capsys, *export, "--redact", "--with-publication")
    assert code == 1 and "not been signed off" in err and not package.exists()
    sign_off(planted)
    code, _said, err = run(capsys, *export, "--with-publication")
    assert code == 1 and not package.exists() and "could identify someone" in err
    code, said, _err = run(capsys, *export, "--redact", "--with-publication")
    assert code == 0, _err
    assert "With the published pledge: publication/booklet.html" in said
    with zipfile.ZipFile(package) as archive:
        names = set(archive.namelist())
        assert {
            "publication/booklet.pdf",
            "publication/booklet.html",
            "publication/pledge.json",
            "publication/consent-to-publish.txt",
        } <= names
        manifest = json.loads(archive.read("manifest.json"))
        assert "publication/booklet.pdf" in manifest["files"]
        published = json.loads(archive.read("publication/pledge.json"))
        html = archive.read("publication/booklet.html").decode("utf-8")
        (tmp_path / "in-package.pdf").write_bytes(archive.read("publication/booklet.pdf"))
    assert all("[removed]" in goal["title"] for goal in published["goals"])
    assert "Testcase" not in json.dumps(published) and "Testcase" not in html
    assert "Testcase" not in pdf_text(tmp_path / "in-package.pdf")
    merged = tmp_path / "merged"
    code, said, err = run(capsys, "merge", str(package), "--out", str(merged))
    assert code == 0, err
    plain = tmp_path / "plain.zip"
    code, said, _err = run(capsys, *export[:-1], str(plain), "--redact")
    assert code == 0 and "published pledge" not in said
    with zipfile.ZipFile(plain) as archive:
        assert not any(name.startswith("publication/") for name in archive.namelist())


def test_publish_is_refused_then_redacted(capsys, planted: str, tmp_path: Path) -> None:
    sign_off(planted)
    out = tmp_path / "site"
    publish = ("publish", "--data-dir", planted, "--cycle", "2026", "--out", str(out))
    code, _said, err = run(capsys, *publish)
    assert code == 1 and "in the published pledge could identify someone" in err
    assert not (out / "pledge.json").exists()
    code, _said, err = run(capsys, *publish, "--redact")
    assert code == 0, err
    words = (out / "pledge.json").read_text("utf-8") + (out / "booklet.html").read_text("utf-8")
    assert "[removed]" in words and "Testcase" not in words and "900461" not in words
