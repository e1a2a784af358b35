#!/usr/bin/env bash
# Create .venv (Python 3.11) and install the pinned requirements given as arguments.
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
