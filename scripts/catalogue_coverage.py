#!/usr/bin/env python3
"""How much of the installed admin's messages read Vietnamese: per catalogue (Wagtail's
apps, wagtail-modeladmin, Django's admin/auth/core), the number of messages, how many
the packages' own vi catalogues translate ("trước": Wagtail's stock Vietnamese) and how
many are translated once the project's catalogue (locale/vi) is added ("sau").

    .venv/bin/python scripts/catalogue_coverage.py            # every catalogue
    .venv/bin/python scripts/catalogue_coverage.py --screens  # + the messages the editor's
                                                              #   and reviewer's screens show
    .venv/bin/python scripts/catalogue_coverage.py --missing  # list what is untranslated
    .venv/bin/python scripts/catalogue_coverage.py --screens --min 98   # exit 1 below 98%

After a Wagtail (or modeladmin, Django) upgrade, the new messages show at once as
untranslated; add them to locale/vi/LC_MESSAGES/*.po and run scripts/compile_messages.py.

--screens runs tests/admin_i18n/test_screens.py, which renders every admin screen an
agency's editor and a reviewer use (dashboard, explorer, page edit and history, snippets,
workflow, reports, account, login, the project's screens) and records each message
looked up while rendering (CATALOGUE_SCREEN_MESSAGES); the figure counts those of them
that belong to the catalogues above, plus every message of Wagtail's JavaScript
catalogue (the admin's scripts may show any of them)."""

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from catalogue_tools import ROOT, key, our_translations, shipped_translations, source_catalogues  # noqa: E402


def newly_translated(ours, before, everything):
    """Messages the project's catalogue translates that Wagtail's and Django's did not."""
    return sum(len((ours[domain] - before[domain]) & everything[domain]) for domain in ("django", "djangojs"))


def percent(part, whole):
    return f"{100 * part / whole:5.1f} %" if whole else "    – "


def row(label, total, before, after):
    return f"{label:<34} {total:>6} {before:>6} {percent(before, total)} {after:>6} {percent(after, total)}"


def coverage(keys_by_domain, translated_before, translated_after):
    total = sum(len(keys) for keys in keys_by_domain.values())
    before = sum(len(keys & translated_before[domain]) for domain, keys in keys_by_domain.items())
    after = sum(len(keys & translated_after[domain]) for domain, keys in keys_by_domain.items())
    return total, before, after


def screen_messages():
    """(context, msgid) looked up while tests/admin_i18n/test_screens.py renders the screens."""
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "messages.json"
        env = {
            **os.environ,
            "CATALOGUE_SCREEN_MESSAGES": str(out),
            "DJANGO_SETTINGS_MODULE": os.environ.get("DJANGO_SETTINGS_MODULE", "config.settings.test"),
        }
        env.pop("DATABASE_URL", None)
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "pytest",
                "-q",
                "-p",
                "no:randomly",
                "tests/admin_i18n/test_screens.py",
                "-k",
                "editor or reviewer or login",
            ],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
        )
        if not out.exists():
            sys.stderr.write(result.stdout[-3000:] + result.stderr[-3000:])
            raise SystemExit("Không chạy được tests/admin_i18n/test_screens.py để thu các thông điệp của màn hình.")
        if result.returncode:
            print("(Lưu ý: tests/admin_i18n/test_screens.py đang báo lỗi – còn chữ tiếng Anh trên màn hình.)")
        return {tuple(item) for item in json.loads(out.read_text(encoding="utf-8"))}


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--screens", action="store_true", help="also the messages the editor's and reviewer's screens show"
    )
    parser.add_argument("--missing", action="store_true", help="list the messages still untranslated")
    parser.add_argument(
        "--min",
        type=float,
        help="exit 1 when the figure (screens with --screens, else required catalogues) is below this %%",
    )
    args = parser.parse_args(argv)

    before = {domain: shipped_translations(domain) for domain in ("django", "djangojs")}
    ours = {domain: our_translations(domain) for domain in ("django", "djangojs")}
    after = {domain: before[domain] | ours[domain] for domain in before}
    catalogues = source_catalogues()

    print(f"{'danh mục (catalogue)':<34} {'tổng':>6} {'trước':>6} {'':>7} {'sau':>6}")
    required = {"django": set(), "djangojs": set()}
    everything = {"django": set(), "djangojs": set()}
    for label, domain, is_required, entries in catalogues:
        keys = {key(e) for e in entries}
        everything[domain] |= keys
        if is_required:
            required[domain] |= keys
        print(row(label + ("" if is_required else " *"), *coverage({domain: keys}, before, after)))
    print(row("= trang quản trị (không có *)", *coverage(required, before, after)))
    print(row("= mọi danh mục", *coverage(everything, before, after)))
    print(
        f"Bản dịch của dự án (locale/vi): {len(ours['django'])} thông điệp django, {len(ours['djangojs'])} djangojs; "
        f"trong đó {newly_translated(ours, before, everything)} "
        "thông điệp trước đây chưa có bản dịch."
    )
    figure = coverage(required, before, after)

    if args.screens:
        shown = screen_messages() & everything["django"]
        screens = {"django": shown, "djangojs": everything["djangojs"]}
        figure = coverage(screens, before, after)
        print()
        print(row("= màn hình biên tập viên, người duyệt", *figure))
        print(
            f"  ({len(shown)} thông điệp được tra khi dựng các màn hình + {len(everything['djangojs'])} của JavaScript)"
        )

    if args.missing:
        print()
        for label, domain, _required, entries in catalogues:
            for entry in entries:
                if key(entry) not in after[domain]:
                    print(f"{label}: {entry.msgctxt + ' | ' if entry.msgctxt else ''}{entry.msgid!r}")

    if args.min is not None and figure[0] and 100 * figure[2] / figure[0] < args.min:
        print(f"Dưới {args.min} %.", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
