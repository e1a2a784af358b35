"""How search results are ordered, in plain functions.

The search backend finds the candidates (every word of the query, folded) and
orders each kind of item by its own relevance score; the candidates are then
re-ranked here, the same way on every backend, by how closely they match what the
visitor typed. An item falls in the first tier it reaches:

4. the words as a phrase, with the diacritics the visitor typed;
3. every word with the typed diacritics, but not as a phrase;
2. the words as a phrase once diacritics are ignored;
1. every word once diacritics are ignored, scattered;
0. only some of the words (when no item has them all).

So an item that keeps the typed diacritics always ranks above one that matches
only once folded, and within each of the two, a phrase ranks above scattered
words. A word typed without any diacritic leaves them open: "thanh toán truc
tuyen" asks for "toán" exactly and accepts any "truc", "tuyen". The placement of
the tone mark ("hóa" / "hoá"), the Unicode form and letter case never matter.
Abbreviations count as their long form (search.abbreviations), once folded.

Then topics, areas and agencies whose name holds every word of the query come
first (``names_first``): "chu ky so" leads with the topic "Chữ ký số".

Ties are broken by: more of the query's words found; more of them with the typed
diacritics; all the words in the item's name (an agency's name, an indicator's
metric, a page title); the words closer together (the fewest consecutive words of
one text that hold them all); then the backend's own order.
"""

import heapq
from dataclasses import dataclass
from functools import lru_cache

from search.abbreviations import expansions
from search.folding import exact_key, fold_word, words

EXACT_PHRASE, EXACT_WORDS, FOLDED_PHRASE, FOLDED_WORDS, SOME_WORDS = 4, 3, 2, 1, 0


@dataclass(frozen=True)
class Score:
    tier: int
    matched: int  # query words found (diacritics ignored)
    exact: int  # query words found with the typed diacritics
    in_name: bool  # every query word is in the item's name
    span: int = 0  # fewest consecutive words of one text holding every query word

    def sort_key(self):
        return (-self.tier, -self.matched, -self.exact, not self.in_name, self.span)


NO_SPAN = 1_000_000  # no single text holds every query word


@dataclass(frozen=True)
class Text:
    """A text split into words, as written and folded; `joined` is the folded
    words between single spaces, with a space at each end."""

    originals: tuple
    folded: tuple
    joined: str

    def positions(self, word):
        return [position for position, folded in enumerate(self.folded) if folded == word]

    def phrase_starts(self, phrase):
        """Word positions where the folded phrase (words joined by spaces) starts."""
        starts, offset = [], self.joined.find(f" {phrase} ")
        while offset >= 0:
            starts.append(self.joined.count(" ", 0, offset))
            offset = self.joined.find(f" {phrase} ", offset + 1)
        return starts


@lru_cache(maxsize=16384)
def analyse(text):
    """A Text, with the other form of the abbreviations it uses appended. Cached:
    the same items come back for many queries."""
    originals = words(text)
    folded = [fold_word(word) for word in originals]
    extra = expansions(" ".join(folded)).split()
    keep = [position for position, word in enumerate(folded) if word]
    originals = tuple([originals[position] for position in keep] + extra)
    folded = tuple([folded[position] for position in keep] + extra)
    return Text(originals, folded, " " + " ".join(folded) + " ")


@dataclass(frozen=True)
class FieldMatch:
    found: tuple  # per query word: found once folded
    exact: tuple  # per query word: found with the typed diacritics
    phrase: bool
    exact_phrase: bool
    span: int = NO_SPAN


def min_span(position_lists):
    """The fewest consecutive words that hold one position from each (sorted,
    non-empty) list."""
    heap = [(positions[0], index, 0) for index, positions in enumerate(position_lists)]
    heapq.heapify(heap)
    high = max(position for position, _index, _next in heap)
    best = NO_SPAN
    while True:
        low, index, at = heapq.heappop(heap)
        best = min(best, high - low + 1)
        if at + 1 == len(position_lists[index]):
            return best
        following = position_lists[index][at + 1]
        high = max(high, following)
        heapq.heappush(heap, (following, index, at + 1))


def match_field(terms, text):
    """How the query terms (see folding.query_terms) occur in one text."""
    analysed = analyse(text)

    def exact_at(position, key):
        return exact_key(analysed.originals[position]) == key

    found = tuple(f" {word} " in analysed.joined for word, _key in terms)
    exact = tuple(
        is_found and (key is None or any(exact_at(position, key) for position in analysed.positions(word)))
        for is_found, (word, key) in zip(found, terms, strict=True)
    )
    wanted = " ".join(word for word, _key in terms)
    phrase = bool(terms) and all(found) and f" {wanted} " in analysed.joined
    exact_phrase, span = False, NO_SPAN
    if phrase:
        span = len(terms)
        exact_phrase = all(key is None for _word, key in terms) or any(
            all(key is None or exact_at(start + offset, key) for offset, (_word, key) in enumerate(terms))
            for start in analysed.phrase_starts(wanted)
        )
    elif terms and all(found):
        span = min_span([analysed.positions(word) for word, _key in terms])
    return FieldMatch(found, exact, phrase, exact_phrase, span)


def score(terms, name, body):
    """The Score of an item whose name is `name` and whose other searchable text
    is `body`, for the query terms."""
    if not terms:
        return Score(SOME_WORDS, 0, 0, False, NO_SPAN)
    matches = [match_field(terms, text) for text in (name, body) if text]
    if not matches:
        return Score(SOME_WORDS, 0, 0, False, NO_SPAN)
    found = [any(match.found[i] for match in matches) for i in range(len(terms))]
    exact = [any(match.exact[i] for match in matches) for i in range(len(terms))]
    in_name = bool(name) and all(matches[0].found)
    if any(match.exact_phrase for match in matches):
        tier = EXACT_PHRASE
    elif all(exact):
        tier = EXACT_WORDS
    elif any(match.phrase for match in matches):
        tier = FOLDED_PHRASE
    elif all(found):
        tier = FOLDED_WORDS
    else:
        tier = SOME_WORDS
    return Score(tier, sum(found), sum(exact), in_name, min(match.span for match in matches))


def rank(items, terms):
    """The items, best first. Each item needs `name`, `body` and `backend_position`
    (its place in the backend's order for its kind, 0 for the best) and receives its
    `score`. Items at the same backend position keep the order they came in."""
    for item in items:
        item.score = score(terms, item.name, item.body)
    return sorted(items, key=lambda item: (item.score.sort_key(), item.backend_position))


def names_first(items):
    """The ranked items with those that lead when named (topics, areas, agencies:
    `item.leads`) and whose name holds every query word moved first, each group
    keeping its order."""
    return sorted(items, key=lambda item: not (item.leads and item.score.in_name))
