"""Excerpts with the matched words marked, in plain functions: a word is marked
when, folded, it equals a word of the query, so "chu ky so" marks "chữ ký số".
The template prints the parts (escaped) and wraps the marked ones in <mark>."""

from dataclasses import dataclass

from search.folding import WORD, fold_word, nfc

EXCERPT_CHARS = 240
CONTEXT_BEFORE = 80
ELLIPSIS = "…"


@dataclass(frozen=True)
class Part:
    text: str
    marked: bool = False


def excerpt(text, folded_terms, length=EXCERPT_CHARS):
    """[Part] of at most about `length` characters of the text, around the first
    place where the query's words follow each other, else around its first marked
    word (the start of the text when no word matches)."""
    text = " ".join(nfc(text or "").split())
    found = [(match.span(), fold_word(match.group())) for match in WORD.finditer(text)]
    wanted = set(folded_terms)
    spans = [span for span, word in found if word in wanted]
    start, end = window(text, anchor(found, list(folded_terms), spans), length)
    parts = [Part(ELLIPSIS)] if start > 0 else []
    cursor = start
    for span_start, span_end in spans:
        if span_start < start or span_end > end:
            continue
        if span_start > cursor:
            parts.append(Part(text[cursor:span_start]))
        parts.append(Part(text[span_start:span_end], marked=True))
        cursor = span_end
    if end > cursor:
        parts.append(Part(text[cursor:end]))
    if end < len(text):
        parts.append(Part(ELLIPSIS))
    return merge(parts)


def anchor(found, folded_terms, spans):
    """Where the excerpt should show: the start of the first run of the query's
    words in order, else of the first marked word, else 0."""
    words = [word for _span, word in found]
    for position in range(len(words) - len(folded_terms) + 1):
        if folded_terms and words[position : position + len(folded_terms)] == folded_terms:
            return found[position][0][0]
    return spans[0][0] if spans else 0


def window(text, at, length):
    """(start, end) of a slice of about `length` characters that shows the
    character at `at` with some text before it, cut at spaces."""
    if len(text) <= length:
        return 0, len(text)
    start = max(0, at - CONTEXT_BEFORE)
    start = min(start, max(0, len(text) - length))
    if start > 0:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < at else start
    end = min(len(text), start + length)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > max(at, start) else end
    return start, end


def merge(parts):
    merged = []
    for part in parts:
        if merged and merged[-1].marked == part.marked and not part.marked:
            merged[-1] = Part(merged[-1].text + part.text)
        else:
            merged.append(part)
    return merged
