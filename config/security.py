"""The Content-Security-Policy: django-csp's middleware, with two changes.

The admin's policy is the public one (settings.CONTENT_SECURITY_POLICY) plus what
Wagtail's admin needs: its page editor, choosers, listings and reports still run inline
scripts (chromium refuses about twenty on the edit and history screens under a strict
script-src), and previews and uploads use blob: URLs (images, frames, workers). Inline
styles are allowed for the whole site already. Checked by loading admin pages in
chromium and reading the console for CSP violations (tests/browser/test_csp_in_browser.py).

The header is built once per policy (public, admin) and per process, not for each
response: building it took about a fifth of the time of the site's cheapest response
(benchmarks/results/http.md). A response that asks for its own policy (django-csp's
decorators), a nonce, a report-only policy or excluded prefixes go through django-csp
as before. A change of the settings (tests) drops the built headers."""

import functools

from csp.constants import HEADER
from csp.exceptions import CSPNonceError
from csp.middleware import CheckableLazyObject, CSPMiddleware
from csp.utils import build_policy
from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver

ADMIN_PREFIX = "/admin/"
ADMIN_ADDITIONS = {
    "script-src": ["'unsafe-inline'"],
    "img-src": ["blob:"],
    "frame-src": ["blob:"],
    "worker-src": ["'self'", "blob:"],
}


@functools.cache
def built_policy(admin):
    return build_policy(update=ADMIN_ADDITIONS if admin else None)


@receiver(setting_changed, dispatch_uid="csp-built-policy")
def forget_built_policy(setting, **kwargs):
    if setting.startswith("CONTENT_SECURITY_POLICY"):
        built_policy.cache_clear()


def nonce_after_response():
    raise CSPNonceError("csp_nonce is not available once the Content-Security-Policy header is written.")


def same_for_every_response(parts, response):
    """True when the header depends on nothing but whether the request is the admin's."""
    return (
        parts.nonce is None
        and parts.config is None
        and parts.replace is None
        and parts.update in (None, ADMIN_ADDITIONS)
        and not getattr(response, "_csp_exempt", False)  # set by django-csp's @csp_exempt
        and not settings.DEBUG
        and not getattr(settings, "CONTENT_SECURITY_POLICY_REPORT_ONLY", None)
        and not (settings.CONTENT_SECURITY_POLICY or {}).get("EXCLUDE_URL_PREFIXES")
    )


class ContentSecurityPolicy(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and request.path.startswith(ADMIN_PREFIX):
            parts.update = {**ADMIN_ADDITIONS, **(parts.update or {})}
        return parts

    def process_response(self, request, response):
        parts = self.get_policy_parts(request, response)
        if not same_for_every_response(parts, response):
            return super().process_response(request, response)
        if HEADER not in response:
            response[HEADER] = built_policy(parts.update is not None)
        request.csp_nonce = CheckableLazyObject(nonce_after_response)
        return response
