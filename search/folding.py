"""Vietnamese-aware text normalisation for search, in plain functions.

Citizens type Vietnamese with or without diacritics, with the tone mark on either
vowel ("hóa" / "hoá"), in composed or decomposed Unicode and in any case. Two keys
make those spellings comparable:

- ``fold(text)``: no diacritics at all, "đ" → "d", case folded. "Chữ ký số",
  "chu ky so" and "CHỮ KÝ SỐ" all fold to "chu ky so". Used for matching: every
  indexed item carries a folded copy of its text (``folded_words``) and every query
  is folded the same way, so the embedded SQLite index, PostgreSQL and
  Elasticsearch all match alike, whatever their own folding does (SQLite's FTS5
  folds only single marks and never "đ"; PostgreSQL's default configuration folds
  nothing).
- ``exact_key(word)``: the word as typed, case folded, with its tone mark moved to
  the end, so that only the placement of the tone mark and the Unicode form stop
  mattering: "hóa", "hoá" and "HOÁ" share a key, "hoa" and "hòa" do not. Used for
  ranking items that keep the diacritics the user typed above the others.
"""

import re
import sys
import unicodedata
from functools import lru_cache

# A word: letters and digits, with any combining marks that follow them (decomposed
# text keeps its marks inside the word). Underscores and punctuation separate words.
WORD = re.compile(r"(?:[^\W_]|[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f])+")

# The five Vietnamese tone marks as combining characters: huyền, sắc, ngã, hỏi, nặng.
TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")

# The letters with a stroke have no Unicode decomposition: fold them by hand.
STROKE_LETTERS = {"đ": "d", "Đ": "d", "ð": "d", "Ð": "d"}

# Query limits: beyond them the query is cut (the page says so).
MAX_QUERY_CHARS = 200
MAX_QUERY_WORDS = 12


def _strip_table():
    table = {ord(letter): base for letter, base in STROKE_LETTERS.items()}
    for code in range(sys.maxunicode + 1):
        if unicodedata.combining(chr(code)):
            table[code] = None
    return table


_STRIP = _strip_table()


def nfc(text):
    return unicodedata.normalize("NFC", text)


def fold(text):
    """Text without diacritics, "đ" as "d", case folded (compatibility forms such
    as full-width letters are folded too). Spacing and punctuation are kept."""
    return unicodedata.normalize("NFKD", text).translate(_STRIP).casefold()


def words(text):
    """The words of a text, in order, composed (NFC) as written."""
    return WORD.findall(nfc(text))


@lru_cache(maxsize=65536)
def fold_word(word):
    """A single word folded; empty when nothing of it survives folding."""
    return "".join(WORD.findall(fold(word)))


def folded_words(*texts):
    """The folded words of several texts, joined by single spaces: the text that an
    item adds to the search index, and the form of a query sent to the backend."""
    return " ".join(filter(None, (fold_word(word) for text in texts if text for word in words(text))))


@lru_cache(maxsize=65536)
def exact_key(word):
    """The word as typed (NFC, case folded) with its tone mark moved to the end:
    equal for "hóa" and "hoá", different for "hoa" and "hòa"."""
    decomposed = unicodedata.normalize("NFD", word.casefold())
    tones = "".join(sorted({mark for mark in decomposed if mark in TONE_MARKS}))
    base = "".join(char for char in decomposed if char not in TONE_MARKS)
    return nfc(base) + tones


def has_marks(word):
    """True when the word carries a diacritic (or "đ") that folding would drop."""
    return fold_word(word) != nfc(word).casefold()


def clean_query(raw):
    """The query a visitor typed, made safe to show and to search: control
    characters become spaces, runs of spaces shrink, and it is cut to
    MAX_QUERY_CHARS. Returns (cleaned text, whether it was cut)."""
    text = "".join(" " if unicodedata.category(char)[0] in "CZ" else char for char in nfc(raw or ""))
    text = " ".join(text.split())
    if len(text) <= MAX_QUERY_CHARS:
        return text, False
    cut = text[:MAX_QUERY_CHARS]
    if " " in cut and not text[MAX_QUERY_CHARS].isspace():
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(), True


def query_terms(text):
    """[(folded word, exact key or None)] for the words of a query, at most
    MAX_QUERY_WORDS. A word typed without any diacritic has no exact key: it
    leaves the diacritics open, so any spelling of it counts as exact."""
    terms = []
    for word in words(text):
        folded = fold_word(word)
        if not folded:
            continue
        terms.append((folded, exact_key(word) if has_marks(word) else None))
        if len(terms) == MAX_QUERY_WORDS:
            break
    return terms
