#!/usr/bin/env bash
# Set up everything on a fresh machine and serve the site on SQLite at
# http://127.0.0.1:8000: virtual environment, install, migrate, load what is missing of
# the 2024 plan (never overwriting what editors changed), create an administrator
# with a generated password (printed once), run the server.
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
exec .venv/bin/python manage.py runserver "$ADDRESS"
