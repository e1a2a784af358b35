"""Hypothesis keeps nothing in the work tree: no example database (examples are
generated afresh each run, within the limits each test sets), and its caches go
to the system's temporary folder."""

import tempfile
from pathlib import Path

from hypothesis import settings
from hypothesis.configuration import set_hypothesis_home_dir

set_hypothesis_home_dir(str(Path(tempfile.gettempdir()) / "hypothesis-cchc"))
settings.register_profile("search", database=None)
settings.load_profile("search")
