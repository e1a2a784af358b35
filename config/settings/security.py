"""Settings of login throttling (django-axes), the Content-Security-Policy (django-csp)
and the Permissions-Policy; the middleware that applies them is in base.py."""

import os
from datetime import timedelta

SEARCH_TRUSTED_PROXIES = int(os.environ.get("SEARCH_TRUSTED_PROXIES", "0"))

# Login throttling (django-axes): after AXES_FAILURE_LIMIT wrong passwords for one
# user name from one address, that pair is locked out for AXES_COOLOFF_MINUTES; the
# lockout page (templates/lockout.html) is in Vietnamese and answers 429 with Retry-After.
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "lockout.html"
AXES_LOCKOUT_CALLABLE = "config.lockout.lockout_response"  # the template, with Retry-After
AXES_HTTP_RESPONSE_CODE = 429
AXES_VERBOSE = False
# Behind trusted proxies the client address comes from X-Forwarded-For, as for search.
AXES_IPWARE_PROXY_COUNT = SEARCH_TRUSTED_PROXIES or None
AXES_IPWARE_META_PRECEDENCE_ORDER = (
    ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"] if SEARCH_TRUSTED_PROXIES else ["REMOTE_ADDR"]
)

# Page passwords (Wagtail's "Privacy" with a password, plan/public/passwords.py): wrong
# guesses allowed per client address, and per restriction whatever the address, in a
# window (django-ratelimit's "count/period"); past either, 429 with Retry-After.
PAGE_PASSWORD_RATE_LIMIT = os.environ.get("PAGE_PASSWORD_RATE_LIMIT", "10/15m")
PAGE_PASSWORD_RESTRICTION_RATE_LIMIT = os.environ.get("PAGE_PASSWORD_RESTRICTION_RATE_LIMIT", "100/h")

# Content-Security-Policy (django-csp 4). Public pages: no inline script, nothing
# from another origin. Styles allow 'unsafe-inline' because the indicator charts are
# pygal SVG embedded in the page with their own <style>. The admin's extra needs
# (Wagtail's inline scripts and styles, images and previews) are added for /admin/
# only by config.security.ContentSecurityPolicy.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'"],
        "frame-ancestors": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
    }
}

# Permissions-Policy (django-permissions-policy): the site uses none of these.
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "autoplay": [],
    "camera": [],
    "display-capture": [],
    "geolocation": [],
    "gyroscope": [],
    "interest-cohort": [],
    "magnetometer": [],
    "microphone": [],
    "midi": [],
    "payment": [],
    "usb": [],
}
