"""The editors' guide in the admin. Its one source is docs/huong-dan-bien-tap.md, the
file a reader of the repository opens too; this view renders it to HTML for any user
of the admin (the admin's URLs require a signed-in user with admin access), and the
help menu's "Hướng dẫn biên tập" leads here (plan/wagtail_hooks.py).

The file is ours, but it is rendered as untrusted text all the same: HTML written in
it is escaped, not passed through, and markdown-it refuses javascript:, vbscript:,
file: and data: links."""

from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.shortcuts import render
from django.utils.safestring import mark_safe
from django.utils.text import slugify
from markdown_it import MarkdownIt

GUIDE_PATH = Path(settings.BASE_DIR) / "docs" / "huong-dan-bien-tap.md"


@dataclass(frozen=True)
class Guide:
    title: str
    contents: list  # (anchor, heading) of each second-level heading
    html: str


def heading_anchor(text, taken):
    """An ASCII anchor for a Vietnamese heading ("Vai trò và quyền" → "vai-tro-va-quyen"),
    unique within the page."""
    base = slugify(text.replace("đ", "d").replace("Đ", "D")) or "muc"
    anchor, n = base, 2
    while anchor in taken:
        anchor, n = f"{base}-{n}", n + 1
    taken.add(anchor)
    return anchor


def render_guide(source):
    """The guide's title (its first-level heading), its contents and its HTML, without
    that title (the admin's header shows it)."""
    parser = MarkdownIt("commonmark", {"html": False}).enable("table")
    tokens = parser.parse(source)
    title, contents, taken, kept = "", [], set(), []
    index = 0
    while index < len(tokens):
        token = tokens[index]
        if token.type == "heading_open":
            text = "".join(child.content for child in tokens[index + 1].children or [])
            if token.tag == "h1" and not title:
                title = text
                index += 3  # heading_open, inline, heading_close
                continue
            anchor = heading_anchor(text, taken)
            token.attrSet("id", anchor)
            if token.tag == "h2":
                contents.append((anchor, text))
        elif token.type == "table_open":
            token.attrSet("class", "listing")
        kept.append(token)
        index += 1
    html = parser.renderer.render(kept, parser.options, {})
    return Guide(title=title, contents=contents, html=mark_safe(html))  # noqa: S308 (markdown-it with raw HTML off escapes the file's text)


_rendered = {}


def load_guide(path=GUIDE_PATH):
    """The rendered guide, rendered again only when the file changes."""
    stamp = path.stat().st_mtime_ns
    cached = _rendered.get(path)
    if cached is None or cached[0] != stamp:
        cached = (stamp, render_guide(path.read_text(encoding="utf-8")))
        _rendered[path] = cached
    return cached[1]


def editor_guide(request):
    guide = load_guide()
    return render(request, "plan/admin/editor_guide.html", {"guide": guide})
