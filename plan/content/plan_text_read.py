"""A plan's text from a file: plain text (UTF-8) or DOCX (python-docx), bounded before
it is read so that a huge or hostile file is refused quickly. Pure: raises
PlanTextError with a Vietnamese message."""

import zipfile
from pathlib import Path

MAX_TEXT_BYTES = 2 * 1024 * 1024
MAX_DOCX_BYTES = 20 * 1024 * 1024
MAX_DOCX_UNCOMPRESSED = 100 * 1024 * 1024
MAX_DOCX_MEMBERS = 500


class PlanTextError(ValueError):
    pass


def read_plan_text(path):
    """The text of the plan at `path`, one paragraph a line."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as error:
        raise PlanTextError(f"Không đọc được tệp “{path.name}”.") from error
    if path.suffix.lower() == ".docx":
        return read_docx(path, size)
    if size > MAX_TEXT_BYTES:
        raise PlanTextError(f"Tệp văn bản quá lớn ({size} byte; tối đa {MAX_TEXT_BYTES} byte).")
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        raise PlanTextError("Tệp văn bản phải mã hóa UTF-8 (hoặc là tệp .docx).") from error


def read_docx(path, size):
    if size > MAX_DOCX_BYTES:
        raise PlanTextError(f"Tệp DOCX quá lớn ({size} byte; tối đa {MAX_DOCX_BYTES} byte).")
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError) as error:
        raise PlanTextError("Tệp không phải là DOCX hợp lệ.") from error
    if len(members) > MAX_DOCX_MEMBERS or sum(m.file_size for m in members) > MAX_DOCX_UNCOMPRESSED:
        raise PlanTextError("Tệp DOCX có nội dung giải nén quá lớn; không đọc.")
    import docx  # python-docx, only when a DOCX is read

    try:
        document = docx.Document(str(path))
    except Exception as error:  # python-docx raises several kinds for a damaged file
        raise PlanTextError("Tệp DOCX bị hỏng hoặc không đúng định dạng Word.") from error
    lines = []
    for paragraph in document.paragraphs:
        text = paragraph.text.strip()
        if text and paragraph.style is not None and paragraph.style.name.startswith("List"):
            text = text if text.startswith(("-", "+", "–")) else f"- {text}"
        lines.append(text)
    return "\n".join(lines)
