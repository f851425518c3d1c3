"""The booklet as one accessible web page: a trust can publish it on its website, a screen reader
reads it in order, and a browser can enlarge it. One self-contained file: the styles are inline
and the pictures are data URIs, so nothing else needs uploading.

Semantic headings (h1 for the booklet, h2 for each section, h3 for each term's goals), the
page's language, alt text for the logos and the photo, and colours with a contrast ratio of 7:1
or more (WCAG AAA for body text, AA everywhere)."""

from __future__ import annotations

import base64
from html import escape
from pathlib import Path

from pledge_desktop.domain.booklet import HELPLINES_TO_CHECK, BookletContents
from pledge_desktop.reports.pdf_style import ACCENT, INK, PALE

CSS = f"""
:root {{ color-scheme: light; }}
body {{ font-family: "Atkinson Hyperlegible Next", "Atkinson Hyperlegible", Arial, sans-serif;
  font-size: 1.25rem; line-height: 1.5; color: {INK}; background: #ffffff; margin: 0; }}
header, main, footer {{ max-width: 40rem; margin: 0 auto; padding: 0 1.25rem; }}
header {{ border-top: 0.75rem solid {ACCENT}; padding-top: 1.5rem; }}
h1, h2 {{ color: {ACCENT}; line-height: 1.25; }}
h1 {{ font-size: 2.2rem; margin: 0.5rem 0; }}
h2 {{ font-size: 1.7rem; margin: 2rem 0 0.75rem; }}
h3 {{ font-size: 1.35rem; margin: 1.5rem 0 0.5rem; }}
h4 {{ font-size: 1.25rem; margin: 1.25rem 0 0.25rem; }}
img {{ max-width: 100%; height: auto; }}
.logos img {{ max-height: 5rem; margin-right: 1.5rem; vertical-align: middle; }}
.figure {{ font-weight: bold; font-size: 1.5rem; }}
.bar {{ background: {PALE}; height: 0.6rem; margin: 0.25rem 0 1rem; }}
.bar span {{ display: block; height: 100%; background: {ACCENT}; }}
blockquote {{ border-left: 0.3rem solid {ACCENT}; margin: 1rem 0; padding: 0 0 0 1rem; }}
blockquote p {{ margin: 0; }}
.note {{ background: {PALE}; padding: 0.5rem 0.75rem; font-weight: bold; }}
.phone {{ font-size: 1.5rem; font-weight: bold; }}
a {{ color: {ACCENT}; }}
footer {{ border-top: 2px solid {ACCENT}; margin-top: 2.5rem; padding-bottom: 2rem; }}
"""


def write_booklet_html(contents: BookletContents, path: Path) -> None:
    path.write_text(booklet_html(contents), encoding="utf-8")


def booklet_html(contents: BookletContents) -> str:
    c = contents
    title = f"Our Service Pledge to you: {c.hospital} {c.cycle_label}"
    out: list[str] = [
        "<!DOCTYPE html>",
        f'<html lang="{escape(c.language)}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}</title>",
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
        "<header>",
    ]
    if c.logo_png:
        out.append(f'<p class="logos">{_img(c.logo_png, f"{c.hospital} logo")}</p>')
    out += [
        "<h1>Our Service Pledge to you</h1>",
        f"<p><strong>{escape(c.hospital)}</strong>"
        + (f"<br>{escape(c.trust)}" if c.trust else "")
        + "</p>",
        f"<p>{escape(c.cover_words)}. Our pledge for {escape(c.cycle_label)}.</p>",
        f"<p>{escape(c.credit_line)}.</p>" if c.credit_line else "",
    ]
    if c.fictional:
        out.append("<p>A fictional demo booklet: every name and figure in it is made up.</p>")
    out += ["</header>", "<main>"]
    out += _section("Welcome", _paragraphs(c.words.welcome))
    out += _section("Your breast care team", _team(c))
    if c.standards:
        items = "".join(f"<li>{escape(s)}</li>" for s in c.standards)
        out += _section(
            "Our standards of care", f"<p>We promise every patient that:</p><ul>{items}</ul>"
        )
    if c.findings:
        out += _section("What you told us", _findings(c))
    if c.goals:
        out += _section("Our pledge", _goals(c))
    if c.quotes:
        quotes = "".join(
            f"<blockquote><p>“{escape(q.wording)}”</p><p>{escape(q.attributed_to)}</p></blockquote>"
            for q in c.quotes
        )
        out += _section("Your words", quotes)
    involved = _paragraphs(c.words.get_involved)
    if c.representatives:
        involved += (
            f"<p>Our patient representatives this year: {escape(', '.join(c.representatives))}.</p>"
        )
    out += _section("How to get involved", involved)
    out += _section("How to contact us", _contacts(c))
    out += ["</main>", "<footer>", *_footer(c), "</footer>", "</body>", "</html>"]
    return "\n".join(part for part in out if part)


def _section(title: str, body: str) -> list[str]:
    return ["<section>", f"<h2>{escape(title)}</h2>", body, "</section>"]


def _paragraphs(text: str) -> str:
    return "".join(f"<p>{escape(p.strip())}</p>" for p in text.split("\n\n") if p.strip())


def _img(png: bytes, alt: str) -> str:
    data = base64.b64encode(png).decode("ascii")
    return f'<img src="data:image/png;base64,{data}" alt="{escape(alt)}">'


def _phone(number: str) -> str:
    digits = "".join(ch for ch in number if ch.isdigit() or ch == "+")
    if not digits:
        return escape(number)
    return f'<a href="tel:{digits}">{escape(number)}</a>'


def _team(c: BookletContents) -> str:
    out = []
    if c.photo_png:
        out.append(f"<p>{_img(c.photo_png, f'The breast care team at {c.hospital}')}</p>")
    out.append(_paragraphs(c.words.contact))
    if c.team:
        out.append("<ul>")
        for member in c.team:
            details = ", ".join(escape(d) for d in (member.role,) if d)
            phone = f", {_phone(member.phone)}" if member.phone else ""
            out.append(f"<li><strong>{escape(member.name)}</strong>: {details}{phone}</li>")
        out.append("</ul>")
    out.append("<h3>Out of hours</h3>")
    out.append(_paragraphs(c.words.out_of_hours))
    if c.out_of_hours_phone:
        out.append(f"<p>Out of hours: {_phone(c.out_of_hours_phone)}</p>")
    return "".join(out)


def _findings(c: BookletContents) -> str:
    out = [
        f"<p>{escape(c.survey_line)} Here is some "
        "of what they told us. Each figure is of the patients who answered that question; "
        "answers such as “does not apply to me” are left out.</p>"
    ]
    for finding in c.findings:
        share = max(0.0, min(float(finding.figure.rstrip("%")), 100.0))
        out.append(
            f'<p><span class="figure">{escape(finding.figure)}</span> '
            f"{escape(finding.sentence)}.</p>"
            f'<div class="bar" aria-hidden="true"><span style="width:{share:.0f}%"></span></div>'
        )
    return "".join(out)


def _goals(c: BookletContents) -> str:
    out = [
        "<p>These are the goals we agreed with patients. Each one says what we will do, why, "
        "and how far we have got.</p>"
    ]
    term = ""
    for goal in c.goals:
        if goal.term_label != term:
            term = goal.term_label
            out.append(f"<h3>{escape(term)}: {escape(goal.horizon)}</h3>")
        out.append(f"<h4>{escape(goal.title)}</h4>")
        if goal.description:
            out.append(f"<p>{escape(goal.description)}</p>")
        if goal.why:
            out.append(f"<p>Why: {escape(goal.why)}</p>")
        progress = f"Progress: {goal.status}." + (f" {goal.progress}" if goal.progress else "")
        out.append(f"<p>{escape(progress)}</p>")
    return "".join(out)


def _contacts(c: BookletContents) -> str:
    out = []
    if c.unit_phone:
        out.append(
            f"<p>{escape(c.hospital)} breast care nurses<br>"
            f'<span class="phone">{_phone(c.unit_phone)}</span></p>'
        )
    if c.out_of_hours_phone:
        out.append(
            "<p>Out of hours: evenings, nights and weekends<br>"
            f'<span class="phone">{_phone(c.out_of_hours_phone)}</span></p>'
        )
    out.append("<p>In an emergency, ring 999.</p>")
    if c.address:
        lines = "<br>".join(escape(line) for line in c.address.splitlines())
        out.append(f"<h3>Address</h3><p>{lines}</p>")
    if c.helplines:
        out.append("<h3>National helplines</h3>")
        if not c.helplines_checked:
            out.append(f'<p class="note">{escape(HELPLINES_TO_CHECK)}</p>')
        out.append("<ul>")
        for line in c.helplines:
            hours = f" ({escape(line.hours)})" if line.hours else ""
            out.append(f"<li>{escape(line.name)}: {_phone(line.phone)}{hours}</li>")
        out.append("</ul>")
    out.append("<h3>Other formats</h3>")
    out.append(_paragraphs(c.words.other_formats))
    return "".join(out)


def _footer(c: BookletContents) -> list[str]:
    out = []
    logos = [
        _img(png, alt)
        for png, alt in (
            (c.logo_png, f"{c.hospital} logo"),
            (c.programme_logo_png, "Service Pledge for Breast Cancer logo"),
        )
        if png
    ]
    if logos:
        out.append(f'<p class="logos">{"".join(logos)}</p>')
    dates = [
        f"Published {escape(c.published)}." if c.published else "",
        f"Review date {escape(c.review_date)}." if c.review_date else "",
        f"Reference {escape(c.leaflet_reference)}." if c.leaflet_reference else "",
    ]
    if any(dates):
        out.append(f"<p>{' '.join(d for d in dates if d)}</p>")
    out.append(f"<p>{escape(c.hospital)} breast care team.</p>")
    return out
