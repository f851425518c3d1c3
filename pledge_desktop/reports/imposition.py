"""Two A5 pages to each side of an A4 landscape sheet, in booklet order: printed double-sided
(flip on the short edge), folded and stapled, the sheets read 1, 2, 3 … in order."""

from __future__ import annotations

import io

from pypdf import PageObject, PdfReader, PdfWriter, Transformation
from pypdf.generic import NameObject, TextStringObject

from pledge_desktop.domain.booklet import imposition

A4_LANDSCAPE = (841.89, 595.28)


def impose(booklet_pdf: bytes, metadata: dict[str, str]) -> bytes:
    reader = PdfReader(io.BytesIO(booklet_pdf))
    box = reader.pages[0].mediabox
    width, height = float(box.width), float(box.height)
    writer = PdfWriter()
    sheet_width, sheet_height = A4_LANDSCAPE  # A5 is 148 mm wide: a hair under half of A4
    fold = sheet_width / 2
    lift = (sheet_height - height) / 2
    for left, right in imposition(len(reader.pages)):
        sheet = PageObject.create_blank_page(width=sheet_width, height=sheet_height)
        sheet.merge_transformed_page(
            reader.pages[left - 1], Transformation().translate(tx=fold - width, ty=lift)
        )
        sheet.merge_transformed_page(
            reader.pages[right - 1], Transformation().translate(tx=fold, ty=lift)
        )
        writer.add_page(sheet)
    writer.add_metadata({f"/{key.capitalize()}": value for key, value in metadata.items()})
    writer._root_object[NameObject("/Lang")] = TextStringObject("en-GB")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
