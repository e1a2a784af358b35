#!/usr/bin/env bash
# Set up everything on a fresh machine and serve the site on SQLite at
# http://127.0.0.1:8000: virtual environment, install, migrate, load the 2024 plan,
# create an administrator with a generated password (printed once), run the server.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup-venv.sh requirements.txt
export DJANGO_SETTINGS_MODULE=${DJANGO_SETTINGS_MODULE:-config.settings.dev}
ADDRESS="${HOST:-127.0.0.1}:${PORT:-8000}"
# Links in the admin's e-mails (workflow, results review, reminders) point where the
# site is served, unless WAGTAILADMIN_BASE_URL names another address.
export WAGTAILADMIN_BASE_URL="${WAGTAILADMIN_BASE_URL:-http://$ADDRESS}"
.venv/bin/python manage.py migrate --no-input
.venv/bin/python manage.py load_plan
# Illustrative results, labelled “Dữ liệu minh họa” on every page that shows them.
.venv/bin/python manage.py load_demo_results
.venv/bin/python manage.py sync_roles
.venv/bin/python manage.py create_admin --address "http://$ADDRESS"
exec .venv/bin/python manage.py runserver "$ADDRESS"
