"""What the project's Vietnamese catalogue completes, and the checks that keep it
sound. Shared by scripts/compile_messages.py, scripts/catalogue_coverage.py and the
admin screen tests (tests/admin_i18n/)."""

import re
import sysconfig
import unicodedata
from pathlib import Path

import polib

ROOT = Path(__file__).resolve().parent.parent
LOCALE_DIR = ROOT / "locale"
OUR_CATALOGUES = {
    "django": LOCALE_DIR / "vi" / "LC_MESSAGES" / "django.po",
    "djangojs": LOCALE_DIR / "vi" / "LC_MESSAGES" / "djangojs.po",
}

# (label, package-relative folder holding locale/, domain, required): the English
# catalogues (locale/en/LC_MESSAGES/<domain>.po list every message of a package).
# "required" ones are the admin that editors and reviewers work in; the others are
# installed apps that agency editors rarely reach (reported all the same).
SOURCES = [
    ("wagtail.admin", "wagtail/admin", "django", True),
    ("wagtail.admin (JavaScript)", "wagtail/admin", "djangojs", True),
    ("wagtail (core)", "wagtail", "django", True),
    ("wagtail.snippets", "wagtail/snippets", "django", True),
    ("wagtail.users", "wagtail/users", "django", True),
    ("wagtail.images", "wagtail/images", "django", True),
    ("wagtail.documents", "wagtail/documents", "django", True),
    ("wagtail.search", "wagtail/search", "django", True),
    ("wagtail_modeladmin", "wagtail_modeladmin", "django", True),
    ("django.contrib.admin", "django/contrib/admin", "django", True),
    ("django.contrib.auth", "django/contrib/auth", "django", True),
    ("django (core)", "django/conf", "django", True),
    ("wagtail.embeds", "wagtail/embeds", "django", False),
    ("wagtail.sites", "wagtail/sites", "django", False),
    ("wagtail.locales", "wagtail/locales", "django", False),
    ("wagtail.contrib.redirects", "wagtail/contrib/redirects", "django", False),
    ("wagtail.contrib.forms", "wagtail/contrib/forms", "django", False),
    ("wagtail.contrib.settings", "wagtail/contrib/settings", "django", False),
]
# Vietnamese catalogues shipped by the installed packages: Django merges them all
# (LOCALE_PATHS first, then the apps, then Django's own), so a message any of them
# translates is translated before the project's catalogue adds anything.
SHIPPED_VI = ["wagtail", "wagtail_modeladmin", "django/contrib", "django/conf"]


def site_packages():
    return Path(sysconfig.get_paths()["purelib"])


def key(entry):
    return (entry.msgctxt or "", entry.msgid)


def is_translated(entry):
    if entry.obsolete or "fuzzy" in entry.flags:
        return False
    if entry.msgid_plural:
        return bool(entry.msgstr_plural) and all(entry.msgstr_plural.values())
    return bool(entry.msgstr)


def source_catalogues():
    """[(label, domain, required, [entries])] of the installed English catalogues."""
    found = []
    for label, folder, domain, required in SOURCES:
        path = site_packages() / folder / "locale" / "en" / "LC_MESSAGES" / f"{domain}.po"
        entries = [e for e in polib.pofile(str(path)) if not e.obsolete] if path.exists() else []
        found.append((label, domain, required, entries))
    return found


def english_messages(required_only=True):
    """Every English message (msgid and msgid_plural) of the source catalogues."""
    messages = set()
    for _label, _domain, required, entries in source_catalogues():
        if required or not required_only:
            for entry in entries:
                messages.add(entry.msgid)
                if entry.msgid_plural:
                    messages.add(entry.msgid_plural)
    return messages


def shipped_translations(domain):
    """{(msgctxt, msgid)} translated by the installed packages' own vi catalogues."""
    keys = set()
    for top in SHIPPED_VI:
        for path in (site_packages() / top).rglob(f"locale/vi/LC_MESSAGES/{domain}.po"):
            keys.update(key(e) for e in polib.pofile(str(path)) if is_translated(e))
    return keys


def our_translations(domain):
    path = OUR_CATALOGUES[domain]
    if not path.exists():
        return set()
    return {key(e) for e in polib.pofile(str(path)) if is_translated(e)}


PLACEHOLDER = re.compile(
    r"%\([^)]+\)[-#0 +]*\d*(?:\.\d+)?[sdifrxX]|%[-#0 +]*\d*(?:\.\d+)?[sdifrxX]|%%|\{[A-Za-z_0-9.]*\}|\{\{[^}]*\}\}"
)
TAG = re.compile(r"</?[A-Za-z][^>]*>")


def placeholders(text, brace=True):
    found = PLACEHOLDER.findall(text) + TAG.findall(text)
    if not brace:
        found = [p for p in found if not p.startswith("{")]
    return sorted(found)


def entry_faults(entry):
    """Why a translated entry would break (or read badly) at run time."""
    if entry.obsolete or not is_translated(entry):
        return []
    faults = []
    # python-brace-format messages keep {name}; others may contain braces as text.
    pairs = (
        [(entry.msgid, entry.msgstr)]
        if not entry.msgid_plural
        else [(entry.msgid_plural, s) for s in entry.msgstr_plural.values()]
    )
    for source, translation in pairs:
        if placeholders(source) != placeholders(translation):
            faults.append(f"chỗ giữ chỗ/thẻ khác bản gốc {placeholders(source)} ≠ {placeholders(translation)}")
        if unicodedata.normalize("NFC", translation) != translation:
            faults.append("bản dịch chưa chuẩn hóa Unicode NFC")
    return faults
