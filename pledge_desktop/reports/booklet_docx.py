"""The booklet as a Word document, for the trust's communications team to turn into easy read,
audio or a translation: Word's own heading styles (so the navigation pane and screen readers see
the structure), real bulleted lists, alt text on every picture, clear print (Arial 14 pt, left
aligned, no italics)."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from pledge_desktop.domain.booklet import HELPLINES_TO_CHECK, BookletContents

ACCENT = RGBColor(0x6B, 0x1F, 0x5C)
INK = RGBColor(0x1B, 0x1B, 0x1B)


def write_booklet_docx(contents: BookletContents, path: Path) -> None:
    c = contents
    doc = Document()
    _clear_print(doc, c.language)
    props = doc.core_properties
    props.title = f"Our Service Pledge to you: {c.hospital} {c.cycle_label}"
    props.author = f"{c.hospital} breast care team"
    props.subject = "Service Pledge for Breast Cancer booklet"
    props.language = c.language

    if c.logo_png:
        _picture(doc, c.logo_png, f"{c.hospital} logo", 1.6)
    doc.add_heading("Our Service Pledge to you", level=0)
    _bold(doc, c.hospital)
    if c.trust:
        doc.add_paragraph(c.trust)
    doc.add_paragraph(f"{c.cover_words}. Our pledge for {c.cycle_label}.")
    if c.credit_line:
        doc.add_paragraph(c.credit_line + ".")
    if c.fictional:
        doc.add_paragraph("A fictional demo booklet: every name and figure in it is made up.")

    doc.add_heading("Welcome", level=1)
    _paragraphs(doc, c.words.welcome)

    doc.add_heading("Your breast care team", level=1)
    if c.photo_png:
        _picture(doc, c.photo_png, f"The breast care team at {c.hospital}", 4.5)
    _paragraphs(doc, c.words.contact)
    for member in c.team:
        item = doc.add_paragraph(style="List Bullet")
        item.add_run(member.name).bold = True
        item.add_run(": " + ", ".join(part for part in (member.role, member.phone) if part))
    doc.add_heading("Out of hours", level=2)
    _paragraphs(doc, c.words.out_of_hours)
    if c.out_of_hours_phone:
        _bold(doc, f"Out of hours: {c.out_of_hours_phone}")

    if c.standards:
        doc.add_heading("Our standards of care", level=1)
        doc.add_paragraph("We promise every patient that:")
        for text in c.standards:
            doc.add_paragraph(text, style="List Bullet")

    if c.findings:
        doc.add_heading("What you told us", level=1)
        doc.add_paragraph(
            f"{c.survey_line} Here is some of "
            "what they told us. Each figure is of the patients who answered that question; "
            "answers such as “does not apply to me” are left out."
        )
        for finding in c.findings:
            item = doc.add_paragraph(style="List Bullet")
            item.add_run(finding.figure).bold = True
            item.add_run(f" {finding.sentence}.")

    if c.goals:
        doc.add_heading("Our pledge", level=1)
        doc.add_paragraph(
            "These are the goals we agreed with patients. Each one says what we will do, why, "
            "and how far we have got."
        )
        term = ""
        for goal in c.goals:
            if goal.term_label != term:
                term = goal.term_label
                doc.add_heading(f"{term}: {goal.horizon}", level=2)
            doc.add_heading(goal.title, level=3)
            for text in (goal.description, f"Why: {goal.why}" if goal.why else ""):
                if text:
                    doc.add_paragraph(text)
            progress = f"Progress: {goal.status}." + (f" {goal.progress}" if goal.progress else "")
            doc.add_paragraph(progress)

    if c.quotes:
        doc.add_heading("Your words", level=1)
        for quote in c.quotes:
            said = doc.add_paragraph(f"“{quote.wording}”")
            said.paragraph_format.left_indent = Pt(18)
            said.paragraph_format.space_after = Pt(0)
            who = doc.add_paragraph(quote.attributed_to)
            who.paragraph_format.left_indent = Pt(18)

    doc.add_heading("How to get involved", level=1)
    _paragraphs(doc, c.words.get_involved)
    if c.representatives:
        doc.add_paragraph(
            "Our patient representatives this year: " + ", ".join(c.representatives) + "."
        )

    doc.add_heading("How to contact us", level=1)
    if c.unit_phone:
        doc.add_paragraph(f"{c.hospital} breast care nurses")
        _bold(doc, c.unit_phone)
    if c.out_of_hours_phone:
        doc.add_paragraph("Out of hours: evenings, nights and weekends")
        _bold(doc, c.out_of_hours_phone)
    doc.add_paragraph("In an emergency, ring 999.")
    if c.address:
        doc.add_heading("Address", level=2)
        doc.add_paragraph(c.address.replace("\r", ""))
    if c.helplines:
        doc.add_heading("National helplines", level=2)
        if not c.helplines_checked:
            _bold(doc, HELPLINES_TO_CHECK)
        for line in c.helplines:
            hours = f" ({line.hours})" if line.hours else ""
            doc.add_paragraph(f"{line.name}: {line.phone}{hours}", style="List Bullet")
    doc.add_heading("Other formats", level=2)
    _paragraphs(doc, c.words.other_formats)
    dates = [
        f"Published {c.published}." if c.published else "",
        f"Review date {c.review_date}." if c.review_date else "",
        f"Reference {c.leaflet_reference}." if c.leaflet_reference else "",
    ]
    if any(dates):
        doc.add_paragraph(" ".join(d for d in dates if d))
    if c.programme_logo_png:
        _picture(doc, c.programme_logo_png, "Service Pledge for Breast Cancer logo", 1.6)
    doc.save(str(path))


def _clear_print(doc: Any, language: str) -> None:
    """Arial 14 pt, left aligned, dark text; headings in the booklet's colour, never italic."""
    normal = doc.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(14)
    normal.font.color.rgb = INK
    normal.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.LEFT
    normal.paragraph_format.line_spacing = 1.3
    normal.paragraph_format.space_after = Pt(8)
    fonts = normal.element.rPr.rFonts
    for attribute in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attribute), "Arial")
    lang = normal.element.rPr.makeelement(qn("w:lang"), {qn("w:val"): language})
    normal.element.rPr.append(lang)
    for name, size in (("Title", 26), ("Heading 1", 20), ("Heading 2", 17), ("Heading 3", 15)):
        style = doc.styles[name]
        style.font.name = "Arial"
        style.font.size = Pt(size)
        style.font.italic = False
        style.font.bold = True
        style.font.color.rgb = INK if name == "Heading 3" else ACCENT


def _paragraphs(doc: Any, text: str) -> None:
    for part in text.split("\n\n"):
        if part.strip():
            doc.add_paragraph(" ".join(part.split()))


def _bold(doc: Any, text: str) -> None:
    doc.add_paragraph().add_run(text).bold = True


def _picture(doc: Any, png: bytes, alt: str, inches: float) -> None:
    from docx.shared import Inches

    doc.add_picture(io.BytesIO(png), width=Inches(inches))
    inline = doc.paragraphs[-1].runs[-1]._r.findall(".//" + qn("wp:docPr"))
    for properties in inline:
        properties.set("descr", alt)
        properties.set("title", alt)
