"""Suggestions while a visitor types: topics, reform areas and agencies whose
names start with what was typed (diacritics ignored; the last word may be
unfinished), then tasks and indicators from the search backend's autocomplete."""

from dataclasses import dataclass

from plan.models import Indicator, Task
from search import reference
from search.folding import fold_word, folded_words, query_terms, words

MAX_SUGGESTIONS = 8
MAX_PER_GROUP = 3
MIN_CHARS = 2
LABEL_CHARS = 90


@dataclass(frozen=True)
class Suggestion:
    label: str
    kind: str
    url: str

    def as_dict(self):
        return {"label": self.label, "kind": self.kind, "url": self.url}


def name_match(terms, name):
    """How well a name matches what was typed, or None: every query word must be a
    word of the name (folded), the last one may be its beginning. 0 when the name
    starts with the query, 1 when the words follow each other, 2 otherwise."""
    name_words = [fold_word(word) for word in words(name)]
    *whole, last = [word for word, _key in terms]
    if not all(word in name_words for word in whole) or not any(word.startswith(last) for word in name_words):
        return None
    joined, typed = " ".join(name_words), " ".join([*whole, last])
    if joined.startswith(typed):
        return 0
    return 1 if f" {typed}" in f" {joined}" else 2


def shorten(text, limit=LABEL_CHARS):
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def suggest(query, backend):
    terms = query_terms(query)
    if not terms or sum(len(word) for word, _key in terms) < MIN_CHARS:
        return []
    ref = reference.load_reference()
    named = [
        ("Chủ đề", [(topic.name, topic.get_absolute_url()) for topic in ref.topics.values()]),
        ("Lĩnh vực", [(ref.area_labels[pk], area.url) for pk, area in ref.areas.items()]),
        ("Cơ quan", [(agency.name, agency.get_absolute_url()) for agency in ref.agencies.values()]),
    ]
    found = []  # (quality, group, suggestion); sorts are stable, so names stay in order
    for group, (kind, entries) in enumerate(named):
        matched = []
        for name, url in entries:
            quality = name_match(terms, name)
            if quality is not None:
                matched.append((quality, group, Suggestion(name, kind, url)))
        matched.sort(key=lambda entry: entry[0])
        found.extend(matched[:MAX_PER_GROUP])
    found.sort(key=lambda entry: entry[:2])
    suggestions = [suggestion for _quality, _group, suggestion in found]

    folded = folded_words(query)
    room = MAX_SUGGESTIONS - len(suggestions)
    if room > 0:
        indicators = Indicator.objects.filter(live=True, area_id__in=ref.area_ids)
        for indicator in backend.autocomplete(folded, indicators, operator="and")[: min(room, MAX_PER_GROUP)]:
            indicator.area = ref.areas[indicator.area_id]
            suggestions.append(
                Suggestion(shorten(f"{indicator.code}: {indicator.metric}"), "Chỉ tiêu", indicator.get_url())
            )
    room = MAX_SUGGESTIONS - len(suggestions)
    if room > 0:
        tasks = Task.objects.filter(area_id__in=ref.area_ids)
        for task in backend.autocomplete(folded, tasks, operator="and")[:room]:
            task.area = ref.areas[task.area_id]
            suggestions.append(Suggestion(shorten(f"{task.code}: {task.text}"), "Nhiệm vụ", task.get_url()))
    return suggestions[:MAX_SUGGESTIONS]
