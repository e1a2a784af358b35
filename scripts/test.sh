#!/usr/bin/env bash
# Install and run the whole test suite: the linters (ruff, import-linter), then the
# tests on SQLite, then on a throwaway PostgreSQL cluster started in a temporary folder (when PostgreSQL is installed).
# REQUIRE_POSTGRES=1 (set by CI) turns a missing or broken PostgreSQL into a failure.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup-venv.sh requirements-dev.txt

# Browser tests drive Debian's chromium (Playwright cannot download browsers here); the
# shared-cache tests start Debian's redis-server, the proxy test its varnish.
missing_packages=""
[ -x /usr/bin/chromium ] || missing_packages="$missing_packages chromium"
command -v redis-server >/dev/null 2>&1 || missing_packages="$missing_packages redis-server"
command -v varnishd >/dev/null 2>&1 || [ -x /usr/sbin/varnishd ] || missing_packages="$missing_packages varnish"
if [ -n "$missing_packages" ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "== Cài$missing_packages (Debian) cho kiểm thử =="
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing_packages >/dev/null
  else
    echo "Thiếu$missing_packages: cài các gói Debian này (apt-get install$missing_packages) rồi chạy lại." >&2
    exit 1
  fi
fi
# The reports' PDF is written in DejaVu Serif, which holds every Vietnamese letter.
if [ ! -f /usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf ] && [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "== Cài phông DejaVu (Debian) cho bản PDF của báo cáo =="
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-dejavu-core >/dev/null
fi
export DJANGO_SETTINGS_MODULE=config.settings.test

echo "== Kiểm tra mã: ruff (lint, định dạng) và các tầng import (import-linter) =="
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/lint-imports --no-cache

echo "== Bộ kiểm thử trên SQLite =="
env -u DATABASE_URL .venv/bin/python -m pytest "$@"

PG_BIN=${PG_BIN:-}
if [ -z "$PG_BIN" ]; then
  if command -v initdb >/dev/null 2>&1; then
    PG_BIN=$(dirname "$(readlink -f "$(command -v initdb)")")
  else
    PG_BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  fi
fi
if [ -z "$PG_BIN" ] || [ ! -x "$PG_BIN/initdb" ]; then
  if [ "${REQUIRE_POSTGRES:-0}" = "1" ]; then
    echo "PostgreSQL (initdb) không có trên máy: bắt buộc khi REQUIRE_POSTGRES=1." >&2
    exit 1
  fi
  echo "PostgreSQL chưa cài: bỏ qua lượt chạy trên PostgreSQL."
  exit 0
fi

echo "== Bộ kiểm thử trên PostgreSQL ($("$PG_BIN/postgres" --version)) =="
PG_DIR=$(mktemp -d)
PG_PORT=${PG_PORT:-$(.venv/bin/python -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
as_pg_owner() {
  # initdb refuses root: as root, the cluster belongs to the postgres user.
  # (from a folder it can enter: the checkout may be private to root).
  if [ "$(id -u)" = "0" ]; then (cd "$PG_DIR" && runuser -u postgres -- "$@"); else "$@"; fi
}
if [ "$(id -u)" = "0" ]; then chown postgres "$PG_DIR"; fi
stop_cluster() {
  as_pg_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR"
}
trap stop_cluster EXIT
as_pg_owner "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >"$PG_DIR/initdb.log"
as_pg_owner "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w \
  -o "-p $PG_PORT -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start >/dev/null
export DATABASE_URL="postgres://postgres@127.0.0.1:$PG_PORT/cchc"
.venv/bin/python -m pytest "$@"
