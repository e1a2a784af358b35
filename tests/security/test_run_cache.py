"""In the set-up scripts/run.sh starts (development settings), the server and the import
worker are separate processes that share one cache, so a purge of the page cache by
one (an approved import, a command) reaches the other at once (issue 21, finding 4).
Each step below runs in a process of its own, as the server and the worker do."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def in_a_process(code, cache_dir):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.dev", "DEV_CACHE_DIR": str(cache_dir)}
    script = f"import django; django.setup(); from plan.public import page_cache; {code}"
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_a_purge_in_one_process_reaches_every_other(tmp_path):
    served = in_a_process("print(page_cache.generation())", tmp_path)  # the server's pages
    purged = in_a_process("page_cache.new_generation(); print(page_cache.generation())", tmp_path)  # the worker
    seen = in_a_process("print(page_cache.generation())", tmp_path)  # the server again
    assert served != purged and seen == purged


def test_the_server_sees_a_value_another_process_stored(tmp_path):
    in_a_process("page_cache.store().set('probe', 'từ tiến trình nhập', 60)", tmp_path)
    assert in_a_process("print(page_cache.store().get('probe'))", tmp_path) == "từ tiến trình nhập"
