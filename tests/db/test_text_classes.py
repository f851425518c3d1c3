"""Every text column is classed (stays, leaves through the gate, or structural), so none can
leave the app by being forgotten."""

from sqlalchemy import String, Text, Unicode, UnicodeText

from pledge_desktop.db.models import Base
from pledge_desktop.db.text_classes import (
    GROUPS,
    LEAVES,
    STAYS,
    TEXT_CLASSES,
    columns_that_leave,
    text_class,
)

TEXT_TYPES = (String, Text, Unicode, UnicodeText)


def text_columns() -> set[str]:
    return {
        f"{table.name}.{column.name}"
        for table in Base.metadata.sorted_tables
        for column in table.columns
        if isinstance(column.type, TEXT_TYPES)
    }


def test_every_text_column_has_a_class() -> None:
    missing = sorted(text_columns() - set(TEXT_CLASSES))
    assert not missing, f"Class these text columns in db/text_classes.py: {missing}"


def test_the_map_names_only_columns_that_exist() -> None:
    unknown = sorted(set(TEXT_CLASSES) - text_columns())
    assert not unknown, f"db/text_classes.py names columns that do not exist: {unknown}"


def test_no_column_is_classed_twice() -> None:
    named = [column for _class, _why, columns in GROUPS for column in columns]
    assert len(named) == len(set(named))


def test_every_group_says_why() -> None:
    assert all(why.strip() for _class, why, _columns in GROUPS)


def test_what_leaves_and_what_stays() -> None:
    assert text_class("goal", "title") is LEAVES
    assert text_class("interview", "transcript") is STAYS
    assert "wording" in columns_that_leave()["quote"]
    assert "transcript" not in columns_that_leave().get("interview", ())
    assert "survey_answer" in columns_that_leave()
