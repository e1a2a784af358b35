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
