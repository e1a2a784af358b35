"""Which task or target of a new plan carries on one of the plan before: the same
wording (carried), or wording close enough once figures are set aside (changed); the
others are new, and those of the plan before that nothing carries on were dropped.
Pure: texts in, pairs out; one-to-one, best match first."""

import re
from difflib import SequenceMatcher

from search.folding import fold

CARRIED, CHANGED, NEW, DROPPED = "carried", "changed", "new", "dropped"
LABELS = {CARRIED: "giữ nguyên", CHANGED: "thay đổi", NEW: "mới", DROPPED: "không tiếp tục"}
MIN_RATIO = 0.75


def words(text):
    """Folded words without figures: “tối thiểu 85%” and “80%” read alike."""
    return re.findall(r"[^\W\d_]+", fold(text))


def match(previous, following, min_ratio=MIN_RATIO):
    """previous, following: [(key, text, group)] where only items of the same group
    (an area, a level) may match. Returns ({following key: (previous key, CARRIED |
    CHANGED)}, [previous keys dropped])."""
    candidates = []
    for new_key, new_text, new_group in following:
        new_words = words(new_text)
        for old_key, old_text, old_group in previous:
            if old_group != new_group:
                continue
            if old_text == new_text:
                candidates.append((2.0, new_key, old_key, CARRIED))
                continue
            matcher = SequenceMatcher(None, words(old_text), new_words, autojunk=False)
            # The cheap upper bounds first: most pairs are far apart.
            if matcher.real_quick_ratio() < min_ratio or matcher.quick_ratio() < min_ratio:
                continue
            ratio = matcher.ratio()
            if ratio >= min_ratio:
                candidates.append((ratio, new_key, old_key, CHANGED))
    pairs, used = {}, set()
    for _score, new_key, old_key, kind in sorted(candidates, key=lambda c: -c[0]):
        if new_key not in pairs and old_key not in used:
            pairs[new_key] = (old_key, kind)
            used.add(old_key)
    dropped = [key for key, _text, _group in previous if key not in used]
    return pairs, dropped
