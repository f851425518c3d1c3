"""A plain XLSX workbook written row by row, for large tables of numbers and words.

The national summary holds half a million cells; a general spreadsheet library spends most of
its time on each cell's object and style. This writes the sheets' XML straight into the ZIP,
one row at a time, with the only two styles the summary needs (none, and a percentage), and
words as inline strings. Sheets are written one after another; nothing is held but the row.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterable
from pathlib import Path
from types import TracebackType
from typing import IO
from xml.sax.saxutils import escape, quoteattr

PERCENT_FORMAT = "0.0%"
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")  # not allowed in XML 1.0
_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PACKAGE_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_TYPES = "application/vnd.openxmlformats-officedocument.spreadsheetml"


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


class XlsxBook:
    def __init__(self, path: Path) -> None:
        self._zip = zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=5)
        self._titles: list[str] = []
        self._open: XlsxSheet | None = None

    def sheet(self, title: str) -> XlsxSheet:
        """A new sheet (the one before it is finished)."""
        if self._open is not None:
            self._open.close()
        self._titles.append(title)
        name = f"xl/worksheets/sheet{len(self._titles)}.xml"
        self._open = XlsxSheet(self._zip.open(name, "w", force_zip64=True))
        return self._open

    def close(self) -> None:
        if self._open is not None:
            self._open.close()
            self._open = None
        n = len(self._titles)
        sheets = "".join(
            f'<sheet name={quoteattr(t)} sheetId="{i}" r:id="rId{i}"/>'
            for i, t in enumerate(self._titles, start=1)
        )
        self._zip.writestr(
            "xl/workbook.xml",
            f'<?xml version="1.0" encoding="UTF-8"?>\n<workbook xmlns="{_MAIN}" '
            f'xmlns:r="{_REL}"><sheets>{sheets}</sheets></workbook>',
        )
        links = "".join(
            f'<Relationship Id="rId{i}" Type="{_REL}/worksheet" Target="worksheets/sheet{i}.xml"/>'
            for i in range(1, n + 1)
        )
        links += f'<Relationship Id="rId{n + 1}" Type="{_REL}/styles" Target="styles.xml"/>'
        self._zip.writestr(
            "xl/_rels/workbook.xml.rels",
            f'<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<Relationships xmlns="{_PACKAGE_REL}">{links}</Relationships>',
        )
        self._zip.writestr(
            "_rels/.rels",
            f'<?xml version="1.0" encoding="UTF-8"?>\n<Relationships xmlns="{_PACKAGE_REL}">'
            f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="xl/workbook.xml"/>'
            "</Relationships>",
        )
        self._zip.writestr("xl/styles.xml", _styles())
        overrides = "".join(
            f'<Override PartName="/xl/worksheets/sheet{i}.xml" '
            f'ContentType="{_TYPES}.worksheet+xml"/>'
            for i in range(1, n + 1)
        )
        self._zip.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0" encoding="UTF-8"?>\n<Types xmlns='
            '"http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{_TYPES}.sheet.main+xml"/>'
            f'<Override PartName="/xl/styles.xml" ContentType="{_TYPES}.styles+xml"/>'
            f"{overrides}</Types>",
        )
        self._zip.close()

    def __enter__(self) -> XlsxBook:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if kind is None:
            self.close()
        else:
            self._zip.close()


class XlsxSheet:
    def __init__(self, target: IO[bytes]) -> None:
        self._target = target
        self._row = 0
        self._letters: list[str] = []
        self._buffer: list[str] = [
            f'<?xml version="1.0" encoding="UTF-8"?>\n<worksheet xmlns="{_MAIN}"><sheetData>'
        ]

    def append(self, row: Iterable[object], percent: Iterable[int] = ()) -> None:
        """One row: numbers stay numbers (those at `percent` shown as percentages), words
        are written as they are, None is an empty cell."""
        self._row += 1
        n = str(self._row)
        as_percent = set(percent)
        cells = []
        letters = self._letters
        for index, value in enumerate(row):
            if value is None:
                continue
            while index >= len(letters):
                letters.append(column_letter(len(letters)))
            where = letters[index] + n
            if isinstance(value, str):
                text = escape(_ILLEGAL.sub("", value))
                cells.append(
                    f'<c r="{where}" t="inlineStr"><is><t xml:space="preserve">{text}</t></is></c>'
                )
            elif isinstance(value, bool):
                cells.append(f'<c r="{where}" t="b"><v>{int(value)}</v></c>')
            elif isinstance(value, int | float):
                style = ' s="1"' if index in as_percent and isinstance(value, float) else ""
                cells.append(f'<c r="{where}"{style}><v>{value!r}</v></c>')
            else:
                raise TypeError(f"a cell of type {type(value).__name__}")
        self._buffer.append(f'<row r="{n}">{"".join(cells)}</row>')
        if len(self._buffer) >= 200:
            self._flush()

    def _flush(self) -> None:
        self._target.write("".join(self._buffer).encode("utf-8"))
        self._buffer.clear()

    def close(self) -> None:
        self._buffer.append("</sheetData></worksheet>")
        self._flush()
        self._target.close()


def _styles() -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n<styleSheet xmlns="{_MAIN}">'
        f'<numFmts count="1"><numFmt numFmtId="164" formatCode="{PERCENT_FORMAT}"/></numFmts>'
        '<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
        '<fills count="2"><fill><patternFill patternType="none"/></fill>'
        '<fill><patternFill patternType="gray125"/></fill></fills>'
        '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'
        "</cellStyleXfs>"
        '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
        '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
        "</cellXfs>"
        '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
        "</styleSheet>"
    )
