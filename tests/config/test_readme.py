"""The README stays a short front door: at most 250 lines, the two commands, and links
that lead to documents in docs/ which exist. The documents link to each other by
existing files and headings, and none sends the reader outside the repository's
own material."""

import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
README = REPO / "README.md"
DOCS = sorted((REPO / "docs").glob("*.md"))
LINK = re.compile(r"\]\(([^)\s]+)\)")


def github_anchor(heading):
    """The anchor GitHub gives a heading: lower case, punctuation dropped, spaces to hyphens."""
    text = re.sub(r"[`*_]", "", heading.strip().lower())
    return re.sub(r"[^\w\- ]", "", text).replace(" ", "-")


def anchors(path):
    return {github_anchor(h) for h in re.findall(r"^#+ (.+)$", path.read_text(encoding="utf-8"), re.M)}


def test_the_readme_is_short_and_names_both_commands():
    text = README.read_text(encoding="utf-8")
    assert len(text.splitlines()) <= 250
    assert "./scripts/run.sh" in text and "./scripts/test.sh" in text


def test_every_docs_link_in_the_readme_exists():
    targets = [t for t in LINK.findall(README.read_text(encoding="utf-8")) if not t.startswith("http")]
    docs_links = [t for t in targets if t.startswith("docs/")]
    assert len(docs_links) >= 8
    assert set(targets) == set(docs_links)  # the README links to docs/ only
    for target in docs_links:
        assert (REPO / target).exists(), target


@pytest.mark.parametrize("document", [README, *DOCS], ids=lambda p: p.name)
def test_links_between_documents_lead_somewhere(document):
    for target in LINK.findall(document.read_text(encoding="utf-8")):
        if target.startswith(("http://", "https://")):
            continue
        file_part, _, anchor = target.partition("#")
        path = (document.parent / file_part).resolve() if file_part else document
        assert path.exists(), f"{document.name}: {target}"
        if anchor:
            assert anchor in anchors(path), f"{document.name}: {target}"


@pytest.mark.parametrize("document", [README, *DOCS], ids=lambda p: p.name)
def test_documents_stand_alone(document):
    text = document.read_text(encoding="utf-8")
    assert "../shared/" not in text
    assert not re.search(r"\bissues?\s*#?\d+|/issues/\d+|(?<![\w`/])#\d+\b", text, re.I)
