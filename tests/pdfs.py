"""Reading generated PDFs back, as a reader would see them."""

from __future__ import annotations

from pathlib import Path

import pdfplumber


def pdf_text(path: Path) -> str:
    """All the text of a PDF, its whitespace folded to single spaces."""
    with pdfplumber.open(path) as pdf:
        return " ".join(" ".join(page.extract_text() or "" for page in pdf.pages).split())
