#!/usr/bin/env bash
# Create .venv (Python 3.11), install the pinned requirements given as arguments and
# compile the project's message catalogues.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
for requirements in "$@"; do
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -r "$requirements"
done
# The admin's Vietnamese catalogue (locale/vi/LC_MESSAGES/*.po → .mo, not committed).
.venv/bin/python scripts/compile_messages.py
