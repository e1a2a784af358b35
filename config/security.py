"""The admin's Content-Security-Policy: the public policy (settings.CONTENT_SECURITY_
POLICY), plus what Wagtail's admin needs: its page editor, choosers, listings and reports
still run inline scripts (chromium refuses about twenty on the edit and history
screens under a strict script-src), and previews and uploads use blob: URLs
(images, frames, workers). Inline styles are allowed for the whole site already.
Checked by loading admin pages in chromium and reading the console for CSP
violations (tests/browser/test_csp_in_browser.py)."""

ADMIN_PREFIX = "/admin/"
ADMIN_ADDITIONS = {
    "script-src": ["'unsafe-inline'"],
    "img-src": ["blob:"],
    "frame-src": ["blob:"],
    "worker-src": ["'self'", "blob:"],
}


class AdminContentSecurityPolicy:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith(ADMIN_PREFIX):
            response._csp_update = {**ADMIN_ADDITIONS, **(getattr(response, "_csp_update", None) or {})}
        return response
