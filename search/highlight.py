"""Excerpts that show why a result was found, in plain functions.

The excerpt is a passage of the item's text where the query's words are: of the
item's texts (a task's content, product and group, ...) the one that holds the
query as a phrase, else the one that holds most of its words; in that text, the
window around the first place where the words follow each other as typed, else
around the fewest consecutive words that hold all of them. Words are compared
folded (search.folding), so a query typed with or without diacritics finds the
same passage: "ky luat ky cuong" and "kỷ luật kỷ cương" both show "kỷ luật, kỷ
cương".

Which words are marked (the template wraps them in <mark>):

1. Where the text holds the whole query as a phrase (its words consecutive and in
   order, once folded: "chu ky so" in "chữ ký số"), the phrase is marked, and no
   other word.
2. Otherwise, a run of two or more query words that follow each other in the
   text as in the query ("chữ ký" for "chu ky so") is marked; and a word on its
   own only when it says something by itself: its folded form has at least
   MIN_ALONE letters ("luật", "thanh"), or the visitor typed it with diacritics
   and the text has the same ones ("sở" for "sở", never "số"). So in a text
   about "các sở ngành … chủ động", the query "chu ky so" marks nothing: "sở" and
   "chủ" are not why a reader would want it.

A one-word query is its own phrase (rule 1), except a word of fewer than
MIN_ALONE letters typed with diacritics, which marks only its own spelling. An
abbreviation stands for its long form (search.abbreviations): "thu tuc hanh chinh"
marks "TTHC", and "tthc" marks "thủ tục hành chính".
"""

from dataclasses import dataclass

from search.abbreviations import ABBREVIATIONS
from search.folding import WORD, exact_key, fold_word, nfc

EXCERPT_CHARS = 240
CONTEXT_BEFORE = 80
ELLIPSIS = "…"
MIN_ALONE = 4


@dataclass(frozen=True)
class Part:
    text: str
    marked: bool = False


@dataclass(frozen=True)
class Words:
    """A text's words: their character spans, folded forms and exact keys."""

    text: str
    spans: tuple
    folded: tuple
    keys: tuple


def split(text):
    text = " ".join(nfc(text or "").split())
    found = list(WORD.finditer(text))
    return Words(
        text,
        tuple(match.span() for match in found),
        tuple(fold_word(match.group()) for match in found),
        tuple(exact_key(match.group()) for match in found),
    )


def phrase_starts(words, folded_terms):
    size = len(folded_terms)
    return [at for at in range(len(words.folded) - size + 1) if list(words.folded[at : at + size]) == folded_terms]


def alone_matches(words, at, term):
    """True when the word at `at` may be marked on its own for the query term."""
    folded, key = term
    if words.folded[at] != folded:
        return False
    if key is not None and words.keys[at] == key:
        return True
    return len(folded) >= MIN_ALONE


def abbreviated(words, folded_terms):
    """The positions of the words that are the other form of an abbreviation, or of
    a long form, that the query holds."""
    query, found = f" {' '.join(folded_terms)} ", set()
    for short, long in ABBREVIATIONS.items():
        if f" {long} " in query:
            found.update(at for at, word in enumerate(words.folded) if word == short)
        if f" {short} " in query:
            size = len(long.split())
            for start in phrase_starts(words, long.split()):
                found.update(range(start, start + size))
    return found


def marked_positions(words, terms):
    """The positions of the words to mark (the rules of the module's docstring)."""
    folded_terms = [folded for folded, _key in terms]
    if not terms:
        return set()
    return own_words(words, terms, folded_terms) | abbreviated(words, folded_terms)


def own_words(words, terms, folded_terms):
    if len(terms) == 1:
        (folded, key), every = terms[0], terms[0][1] is None or len(terms[0][0]) >= MIN_ALONE
        return {at for at, word in enumerate(words.folded) if word == folded and (every or words.keys[at] == key)}
    starts = phrase_starts(words, folded_terms)
    if starts:
        return {start + offset for start in starts for offset in range(len(terms))}
    marked = set()
    for at in range(len(words.folded) - 1):
        for index in range(len(terms) - 1):
            if words.folded[at] == folded_terms[index] and words.folded[at + 1] == folded_terms[index + 1]:
                marked.update((at, at + 1))
    for at in range(len(words.folded)):
        if any(alone_matches(words, at, term) for term in terms):
            marked.add(at)
    return marked


def shortest_cover(words, folded_terms):
    """The first word position of the fewest consecutive words holding every query
    word the text has; None when it has none."""
    wanted = set(folded_terms) & set(words.folded)
    if not wanted:
        return None
    best, counts, low = None, {}, 0
    for high, word in enumerate(words.folded):
        if word in wanted:
            counts[word] = counts.get(word, 0) + 1
        while len(counts) == len(wanted):
            if best is None or high - low < best[1] - best[0]:
                best = (low, high)
            left = words.folded[low]
            if left in counts:
                counts[left] -= 1
                if not counts[left]:
                    del counts[left]
            low += 1
    return best[0]


def fit(words, terms):
    """How well a text shows the query: (holds the phrase, distinct query words)."""
    folded_terms = [folded for folded, _key in terms]
    present = set(folded_terms) & set(words.folded)
    return (bool(terms) and bool(phrase_starts(words, folded_terms)), len(present))


def best_passage(texts, terms):
    """Of the item's texts (the main one first), the one that shows the query best, as
    (its index, its Words); the main one when none holds any query word; (None, no
    words) when all are empty."""
    analysed = [(index, split(text)) for index, text in enumerate(texts) if text]
    if not analysed:
        return None, split("")
    return max(analysed, key=lambda pair: fit(pair[1], terms))  # max keeps the first of equals


def excerpt(texts, terms, length=EXCERPT_CHARS):
    """[Part] of at most about `length` characters of the best of `texts` (a text
    or a list of them, the main one first), for the query terms
    (search.folding.query_terms)."""
    _index, words = best_passage([texts] if isinstance(texts, str) else texts, terms)
    return excerpt_of(words, terms, length)


def excerpt_of(words, terms, length=EXCERPT_CHARS):
    """excerpt() of the text whose Words are `words` (best_passage's)."""
    text = words.text
    folded_terms = [folded for folded, _key in terms]
    marked = sorted(marked_positions(words, terms))
    starts = phrase_starts(words, folded_terms) if terms else []
    first = starts[0] if starts else min(abbreviated(words, folded_terms), default=None)
    first = shortest_cover(words, folded_terms) if first is None else first
    start, end = window(text, words.spans[first][0] if first is not None else 0, length)
    parts = [Part(ELLIPSIS)] if start > 0 else []
    cursor = start
    for position in marked:
        span_start, span_end = words.spans[position]
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
