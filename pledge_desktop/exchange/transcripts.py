"""Reading an interview's notes or transcript from a file: plain text, or a Word document."""

from __future__ import annotations

import zipfile
from pathlib import Path

from pledge_desktop.domain.errors import StorageError, ValidationError

KINDS = (".txt", ".docx")


def read_transcript(path: Path) -> str:
    """The text of a .txt (UTF-8, or Windows' own encoding) or .docx file, paragraph by
    paragraph. A file that cannot be read is explained, and nothing is changed."""
    suffix = path.suffix.lower()
    if suffix not in KINDS:
        raise ValidationError(
            {"file": f"{path.name} is not a .txt or .docx file. Save it from Word as one of those."}
        )
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise StorageError(f"{path.name} cannot be read: {error.strerror or error}.") from error
    if suffix == ".txt":
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = raw.decode("cp1252", errors="replace")
        return text.replace("\r\n", "\n").replace("\r", "\n")
    return _docx_text(path)


def _docx_text(path: Path) -> str:
    import docx  # python-docx, imported only when a Word file is read
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(path))
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError) as error:
        raise ValidationError(
            {
                "file": f"{path.name} is not a Word document that can be read (it may be damaged, "
                "or an old .doc file: save it as .docx)."
            }
        ) from error
    paragraphs = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            paragraphs.append(" | ".join(cell.text for cell in row.cells))
    return "\n".join(paragraphs).strip() + "\n"
