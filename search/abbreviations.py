"""Abbreviations the plan writes and citizens spell out (and the other way round):
"kiểm soát TTHC" should be found by "kiem soat thu tuc hanh chinh". Each item's
folded text gains the other form of every abbreviation it uses, in plain functions."""

# Folded abbreviation → folded long form (see ../shared/GLOSSARY.md).
ABBREVIATIONS = {
    "tthc": "thu tuc hanh chinh",
    "cchc": "cai cach hanh chinh",
    "ubnd": "uy ban nhan dan",
    "hdnd": "hoi dong nhan dan",
    "vbqppl": "van ban quy pham phap luat",
    "qppl": "quy pham phap luat",
    "cbccvc": "can bo cong chuc vien chuc",
    "dvc": "dich vu cong",
    "csdl": "co so du lieu",
    "cntt": "cong nghe thong tin",
}


def expansions(folded_text):
    """The other form of each abbreviation or long form in a folded text (words
    separated by single spaces), as one folded text; empty when there is none."""
    words = set(folded_text.split())
    padded = f" {folded_text} "
    found = []
    for short, long in ABBREVIATIONS.items():
        if short in words:
            found.append(long)
        if f" {long} " in padded:
            found.append(short)
    return " ".join(found)
