#!/usr/bin/env bash
# Set up everything on a fresh machine and serve the site on SQLite at
# http://127.0.0.1:8000: virtual environment, install, migrate, load what is missing of
# the 2024 plan (never overwriting what editors changed), create an administrator
# with a generated password (printed once), run the import worker and the server.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup-venv.sh requirements.txt
export DJANGO_SETTINGS_MODULE=${DJANGO_SETTINGS_MODULE:-config.settings.dev}
ADDRESS="${HOST:-127.0.0.1}:${PORT:-8000}"
# Links in the admin's e-mails (workflow, results review, reminders) point where the
# site is served, unless WAGTAILADMIN_BASE_URL names another address.
export WAGTAILADMIN_BASE_URL="${WAGTAILADMIN_BASE_URL:-http://$ADDRESS}"
.venv/bin/python manage.py migrate --no-input
# Loads what is missing of the plan (never what editors changed), the demo figures,
# the roles and the administrator (plan/management/commands/start_site.py).
.venv/bin/python manage.py start_site --address "http://$ADDRESS"
# The import worker checks and imports the files uploaded in the admin (docs/editorial.md,
# "Importing results"); it stops with the server. Its address space is capped by
# IMPORT_WORKER_MEMORY_MB (the command sets the limit itself, like prlimit --as).
# Both run in the background: Ctrl-C or a TERM to this script stops the two. The worker
# waits out a database outage itself; if it stops anyway (killed, out of memory) it is
# started again at once, and on starting it closes the batch it left (plan/results/workers.py).
(
    trap 'kill "${child:-}" 2>/dev/null; exit 0' INT TERM
    while true; do
        .venv/bin/python manage.py import_worker &
        child=$!
        wait "$child" || echo "run.sh: the import worker stopped; starting it again." >&2
        sleep 1
    done
) &
WORKER=$!
.venv/bin/python manage.py runserver "$ADDRESS" &
SERVER=$!
trap 'kill "$SERVER" "$WORKER" 2>/dev/null || true' INT TERM EXIT
wait "$SERVER" || true
