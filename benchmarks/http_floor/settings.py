"""Production settings with the floor view (benchmarks/http.py); BARE=1 drops every
middleware, the framework's own floor."""

import os

from config.settings.production import *  # noqa: F401,F403

ROOT_URLCONF = "http_floor.urls"
if os.environ.get("BARE") == "1":
    MIDDLEWARE = []
