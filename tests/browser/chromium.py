"""Debian's chromium, driven by Playwright (browser downloads do not work on our
machines)."""

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def launch(playwright, page_cache=False):
    """Chromium, headless. Playwright turns the back-forward cache off; with
    `page_cache`, it stays on, as in Chrome: the back button may then show a page
    just as it was left, without loading it again."""
    return playwright.chromium.launch(
        executable_path=CHROMIUM,
        headless=True,
        args=CHROMIUM_FLAGS,
        ignore_default_args=["--disable-back-forward-cache"] if page_cache else None,
    )
