#!/usr/bin/env python3
"""Compile the project's catalogues (locale/<lang>/LC_MESSAGES/*.po) to .mo files with
polib (pure Python: no gettext tools needed). Run by scripts/setup-venv.sh, hence by
run.sh and test.sh; the .mo files are generated, not committed (.gitignore).

    .venv/bin/python scripts/compile_messages.py [--check]

--check only verifies the catalogues (placeholders and HTML tags kept, no fuzzy or
obsolete entries) and exits 1 on a fault."""

import sys
from pathlib import Path

import polib

sys.path.insert(0, str(Path(__file__).resolve().parent))
from catalogue_tools import LOCALE_DIR, entry_faults  # noqa: E402


def main(argv):
    check_only = "--check" in argv
    faults = []
    compiled = 0
    for po_path in sorted(LOCALE_DIR.glob("*/LC_MESSAGES/*.po")):
        catalogue = polib.pofile(str(po_path), wrapwidth=0)
        for entry in catalogue:
            for fault in entry_faults(entry):
                faults.append(f"{po_path.relative_to(LOCALE_DIR.parent)}:{entry.linenum}: {fault}: {entry.msgid!r}")
        if not check_only:
            catalogue.save_as_mofile(str(po_path.with_suffix(".mo")))
            compiled += 1
    for fault in faults:
        print(fault, file=sys.stderr)
    if not check_only:
        print(f"Đã biên dịch {compiled} danh mục bản dịch ({LOCALE_DIR}).")
    return 1 if faults else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
