"""No module of the site grows past 300 lines (migrations aside): a longer one has more
than one job and should be split."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
LIMIT = 300


def test_no_module_is_over_300_lines():
    too_long = {
        str(path.relative_to(ROOT)): length
        for package in ("config", "home", "indices", "plan", "search")
        for path in (ROOT / package).rglob("*.py")
        if "migrations" not in path.parts and (length := len(path.read_text(encoding="utf-8").splitlines())) > LIMIT
    }
    assert too_long == {}
