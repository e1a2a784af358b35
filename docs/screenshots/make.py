"""Screenshots of the home page and the dashboard at 1280 px and 390 px, for the README.

    .venv/bin/python docs/screenshots/make.py

Builds a throwaway SQLite database in a temporary folder (migrate, the 2024 plan, the
demo figures), serves it with Django's development server on a free local port,
takes the first screen of each page with Playwright and Debian's chromium, writes
the PNGs beside this file, stops the server and deletes the folder. Needs the test
tools (requirements-dev.txt: playwright) and /usr/bin/chromium."""

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from PIL import Image
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[2]
OUT = Path(__file__).resolve().parent
PYTHON = sys.executable
SHOTS = [  # (file, path, viewport)
    ("trang-chu-1280.png", "/", {"width": 1280, "height": 800}),
    ("trang-chu-390.png", "/", {"width": 390, "height": 844}),
    ("tien-do-1280.png", "/ke-hoach/cchc-2024/tien-do/", {"width": 1280, "height": 800}),
    ("tien-do-390.png", "/ke-hoach/cchc-2024/tien-do/", {"width": 390, "height": 844}),
]
MAX_BYTES = 400_000


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def manage(env, *args):
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)


def wait_until_up(url, server, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit("the development server stopped before answering")
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    sys.exit(f"no answer from {url} within {seconds} s")


def shrink(path):
    """Fewer colours when a PNG is large: screenshots of text and flat colours keep
    their look with a 256-colour palette."""
    if path.stat().st_size > MAX_BYTES:
        Image.open(path).convert("RGB").quantize(256, dither=Image.Dither.NONE).save(path, optimize=True)
    else:
        Image.open(path).save(path, optimize=True)


def main():
    with tempfile.TemporaryDirectory(prefix="cchc-screenshots-") as folder:
        port = free_port()
        env = dict(
            os.environ,
            DJANGO_SETTINGS_MODULE="config.settings.dev",
            DATABASE_URL=f"sqlite:///{folder}/db.sqlite3",
            PAGE_CACHE_SECONDS="0",
        )
        manage(env, "migrate", "--no-input")
        manage(env, "load_plan")
        manage(env, "load_demo_results")
        server = subprocess.Popen(
            [PYTHON, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            base = f"http://127.0.0.1:{port}"
            wait_until_up(base + "/", server)
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
                for name, path, viewport in SHOTS:
                    page = browser.new_page(viewport=viewport, locale="vi-VN", is_mobile=viewport["width"] < 500)
                    page.goto(base + path, wait_until="networkidle")
                    page.screenshot(path=OUT / name)
                    page.close()
                    shrink(OUT / name)
                    print(f"{OUT / name}: {(OUT / name).stat().st_size // 1000} kB")
                browser.close()
        finally:
            server.terminate()
            server.wait(timeout=10)


if __name__ == "__main__":
    main()
