"""How the three lists of this section sit beside their forms, on a screen 1280 pixels wide:
the list keeps every column whole, and the form lines up with its heading, without a margin
of its own inside the page's."""

from __future__ import annotations

from collections.abc import Sequence

from pledge_desktop.ui.common.record_page import RecordListPage
from pledge_desktop.ui.common.tables import keep_columns_whole


def lay_out_list(page: RecordListPage, wrap: Sequence[int] = (), least: int = 120) -> None:
    keep_columns_whole(page.table, wrap, least)
    layout = page.form.layout()
    if layout is not None:
        margins = layout.contentsMargins()
        layout.setContentsMargins(0, margins.top(), 0, margins.bottom())
