"""Two A5 pages to each side of an A4 landscape sheet, in booklet order: printed double-sided
(flip on the short edge), folded and stapled, the sheets read 1, 2, 3 … in order. A first sheet
tells whoever prints it how; short fold marks show where each sheet folds."""

from __future__ import annotations

import io

from pypdf import PageObject, PdfReader, PdfWriter, Transformation
from pypdf.generic import NameObject, TextStringObject
from reportlab.pdfgen.canvas import Canvas

from pledge_desktop.domain.booklet import imposition
from pledge_desktop.reports.pdf_style import BOLD, FONT, INK, prepare_reportlab

A4_LANDSCAPE = (841.89, 595.28)
FOLD_MARK = 18  # points long, at the top and bottom edge of each sheet


def impose(booklet_pdf: bytes, metadata: dict[str, str], lang: str = "en-GB") -> bytes:
    reader = PdfReader(io.BytesIO(booklet_pdf))
    box = reader.pages[0].mediabox
    width, height = float(box.width), float(box.height)
    sheet_width, sheet_height = A4_LANDSCAPE  # A5 is 148 mm wide: a hair under half of A4
    fold = sheet_width / 2
    lift = (sheet_height - height) / 2
    pages = len(reader.pages)
    extras = PdfReader(io.BytesIO(_instructions_and_marks(pages)))
    writer = PdfWriter()
    writer.add_page(extras.pages[0])  # the printing instructions
    writer.add_page(extras.pages[1])  # their back, so that the sheets still pair up
    for left, right in imposition(pages):
        sheet = PageObject.create_blank_page(width=sheet_width, height=sheet_height)
        sheet.merge_transformed_page(
            reader.pages[left - 1], Transformation().translate(tx=fold - width, ty=lift)
        )
        sheet.merge_transformed_page(
            reader.pages[right - 1], Transformation().translate(tx=fold, ty=lift)
        )
        sheet.merge_page(extras.pages[2])  # the fold marks
        writer.add_page(sheet)
    writer.add_metadata({f"/{key.capitalize()}": value for key, value in metadata.items()})
    writer._root_object[NameObject("/Lang")] = TextStringObject(lang)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _instructions_and_marks(pages: int) -> bytes:
    """Three A4 landscape pages: the instructions, their back, and the fold marks alone."""
    prepare_reportlab()
    sheets = pages // 4
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4_LANDSCAPE)
    canvas.setFillColor(INK)
    canvas.setFont(BOLD, 22)
    canvas.drawString(60, 520, "How to print this booklet")
    lines = [
        f"This file makes {sheets} sheet{'s' if sheets != 1 else ''} of A4, "
        f"a booklet of {pages} A5 pages.",
        "1. Print it double-sided on A4, landscape, and flip on the short edge.",
        "    Print at actual size (100%), not 'fit to page'.",
        "2. This first sheet is for you: take it out of the pile.",
        "3. Keep the other sheets in the order they come out of the printer.",
        "4. Fold the pile in half along the short marks at the top and bottom edge.",
        "5. Staple twice along the fold, from the outside.",
        "Check the first copy before printing many: page 2 should face page 3.",
    ]
    canvas.setFont(FONT, 15)
    y = 480
    for line in lines:
        canvas.drawString(60, y, line)
        y -= 30
    canvas.showPage()
    canvas.setFont(FONT, 15)
    canvas.setFillColor(INK)
    canvas.drawString(60, 520, "The back of the printing instructions: left blank on purpose.")
    canvas.showPage()
    fold = A4_LANDSCAPE[0] / 2
    canvas.setStrokeColor("#000000")
    canvas.setLineWidth(0.5)
    canvas.setDash(3, 2)
    canvas.line(fold, 0, fold, FOLD_MARK)
    canvas.line(fold, A4_LANDSCAPE[1] - FOLD_MARK, fold, A4_LANDSCAPE[1])
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
