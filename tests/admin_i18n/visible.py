"""The text an admin screen shows, and the English messages among it.

Visible text is every text node outside <script>/<style> (and each element's whole
text, so that a message with inline markup is found too), the label-like attributes
of controls (placeholder, title, aria-label, alt, the value of buttons, data-*
attributes that carry tooltips or messages), and the strings of the JSON that
Wagtail's React sidebar and other components are drawn from."""

import json
import re
import sys
from functools import lru_cache
from pathlib import Path

from bs4 import BeautifulSoup, Comment

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
from catalogue_tools import PLACEHOLDER, TAG, english_messages  # noqa: E402

ATTRIBUTES = (
    "placeholder",
    "title",
    "aria-label",
    "aria-description",
    "alt",
    "data-w-tooltip-content-value",
    "data-w-dropdown-hide-on-click-value",
    "data-w-swap-message-value",
    "data-label",
)
SPACE = re.compile(r"\s+")
# Values of data-* attributes and JSON that are names for the code, not for people:
# "status", "title", "live", "panel-child-content".
IDENTIFIER = re.compile(r"[a-z0-9_.:-]+\Z")
# Words that are the same in Vietnamese administration (abbreviations, file types), and
# "English": the account's language chooser names each language in itself, as it should
# (an English reader must find it), like "Tiếng Việt".
SAME_IN_VIETNAMESE = {"URL", "ID", "CSV", "XLSX", "PDF", "JSON", "Wagtail", "English"}


def normalise(text):
    return SPACE.sub(" ", text).strip()


@lru_cache(maxsize=1)
def english_matchers():
    """(exact strings, regexes for messages with placeholders) of every English
    message of Wagtail's, wagtail-modeladmin's and Django admin/auth's catalogues."""
    exact, patterns = set(), []
    for message in english_messages():
        visible = normalise(TAG.sub("", message))
        if not re.search(r"[A-Za-z]", visible) or visible in SAME_IN_VIETNAMESE:  # ":", "…"
            continue
        if PLACEHOLDER.search(visible):
            parts = PLACEHOLDER.split(visible)
            literal = "".join(parts)
            # Only messages with words of their own: "%(label)s:" would match anything.
            if len(re.findall(r"[A-Za-z]{3,}", literal)) >= 1 and len(literal.strip()) >= 5:
                patterns.append(".+?".join(re.escape(p) for p in parts))
            exact.add(visible.replace("%%", "%"))
        else:
            exact.add(visible)
    return exact, re.compile("|".join(f"(?:{p})" for p in patterns), re.S)


def visible_strings(html):
    soup = BeautifulSoup(html, "html.parser")
    strings = []
    for tag in soup.find_all("script"):
        if tag.get("type") == "application/json" or tag.get("id", "").endswith("-props"):
            strings.extend(json_strings(tag.string or ""))
    for tag in soup.find_all(["script", "style", "noscript"]):
        tag.decompose()
    # Wagtail 8.0.1 prints "None" in the hidden counter of a side-panel toggle, which its
    # JavaScript overwrites with a number: a Python value, not a message.
    for tag in soup.find_all(attrs={"data-side-panel-toggle-counter": True}):
        tag.decompose()
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    for text in soup.find_all(string=True):
        strings.append(text)
    for element in soup.find_all(True):
        whole = element.get_text(" ")
        if len(whole) < 400:
            strings.append(whole)
        for attribute in ATTRIBUTES:
            if element.get(attribute):
                strings.append(element[attribute])
        if element.name == "input" and element.get("type") in ("submit", "button", "reset") and element.get("value"):
            strings.append(element["value"])
        for name, value in element.attrs.items():
            if (
                name.startswith("data-")
                and isinstance(value, str)
                and not value.startswith(("{", "[", "/", "#", "http"))
                and not IDENTIFIER.match(value)
            ):
                strings.append(value)
    return {normalise(s) for s in strings if normalise(s)}


def json_strings(text):
    try:
        data = json.loads(text)
    except ValueError:
        return []
    found = []

    def walk(value):
        if isinstance(value, str):
            if not value.startswith(("/", "#", "http", "{")) and not IDENTIFIER.match(value):
                found.append(value)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(data)
    return found


def english_in(html):
    """The visible strings of a screen that are English messages, sorted."""
    exact, pattern = english_matchers()
    found = set()
    for text in visible_strings(html):
        if text in exact or (len(text) < 300 and pattern.fullmatch(text)):
            found.add(text)
    return sorted(found)


URL = re.compile(r"https?://\S+")


def english_in_text(text):
    """The lines (or parts of lines between links) of a plain-text e-mail that are
    English messages."""
    exact, pattern = english_matchers()
    found = []
    for line in text.splitlines():
        for part in URL.split(line):
            part = normalise(part)
            if part and (part in exact or part.rstrip(":") in exact or (len(part) < 300 and pattern.fullmatch(part))):
                found.append(part)
    return found


# English that no catalogue holds: Python values printed as they are ("True", "None"),
# the title Wagtail gives the tree's root ("Root"), and labels Django and Wagtail make
# from a field's or method's name ("Target display", "Site name", "Can lock"). A
# visible string counts as such English when every word of it is an English word (a
# word of the installed English catalogues or of the models' field names) and none is
# Vietnamese: Vietnamese text carries diacritics in nearly every phrase, and the
# few names without them (codes, user names) are not words of that vocabulary.
PYTHON_VALUES = {"True", "False", "None", "Root"}
WORD = re.compile(r"[^\W\d_]+")
NOT_PROSE = re.compile(r"[@/]|\.[a-z]{2,4}\b|\b[a-z_]+\.[a-z_]+\b")  # e-mail addresses, paths, file names


@lru_cache(maxsize=1)
def english_words():
    from django.apps import apps

    words = set()
    for message in english_messages():
        words.update(w.lower() for w in WORD.findall(TAG.sub("", message)) if w.isascii())
    for model in apps.get_models():
        for field in model._meta.get_fields():
            words.update(w.lower() for w in WORD.findall(field.name.replace("_", " ")))
    # Names of code, codes and abbreviations that are the same in Vietnamese.
    return words - {w.lower() for w in SAME_IN_VIETNAMESE} - {"cchc", "ubnd", "par", "index"}


def english_words_only(words):
    # An all-capital word is an abbreviation or a code; a name of the plan's data
    # (a username, a slug) is not an English word.
    words = [w for w in words if not (w.isupper() and len(w) > 1)]
    return bool(words) and any(len(w) >= 3 for w in words) and all(w.lower() in english_words() for w in words)


def is_english_prose(text):
    """The whole string is English, or it holds a Python value ("1–1 trong 1 None") or
    a run of two or more English words ("Can change chỉ tiêu")."""
    text = PLACEHOLDER.sub("", text)  # "Đã chọn %(objects)s mục", a message for the JavaScript
    if NOT_PROSE.search(text) or (IDENTIFIER.match(text) and text not in PYTHON_VALUES):
        return False
    if any(word in PYTHON_VALUES for word in WORD.findall(text)):
        return True
    if text.isascii():
        return english_words_only(WORD.findall(text))
    runs, run = [], []
    for word in WORD.findall(text) + [""]:
        if word and word.isascii():
            run.append(word)
        else:
            runs.append(run)
            run = []
    return any(len(run) >= 2 and english_words_only(run) for run in runs)


# A count followed by "các" ("6 các mục nhật ký trang"): Wagtail's English plural
# translated word for word.
COUNTED_PLURAL = re.compile(r"\b\d+ các\b")


def english_anywhere(html):
    """english_in, and English prose no catalogue holds (is_english_prose)."""
    found = set(english_in(html))
    found.update(
        text
        for text in visible_strings(html)
        if len(text) < 200 and (is_english_prose(text) or COUNTED_PLURAL.search(text))
    )
    return sorted(found)
