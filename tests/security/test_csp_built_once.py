"""The Content-Security-Policy header is built once per policy (config.security), and is
still what django-csp makes: for public pages, for the admin, for a view that asks for
its own policy, for a page that uses a nonce, and after the settings change."""

from csp.constants import NONCE
from csp.decorators import csp_exempt, csp_update
from csp.middleware import CSPMiddleware
from django.http import HttpResponse
from django.template import engines
from django.test import RequestFactory, override_settings

from config.security import ContentSecurityPolicy

HEADER = "Content-Security-Policy"


def through(middleware_class, view, path="/ke-hoach/"):
    request = RequestFactory().get(path)
    return middleware_class(view)(request)


def plain(request):
    return HttpResponse("ok")


def test_the_header_is_django_csps_for_public_and_admin_requests():
    for path in ("/ke-hoach/", "/admin/pages/"):
        ours = through(ContentSecurityPolicy, plain, path)[HEADER]
        assert ours == through(ContentSecurityPolicy, plain, path)[HEADER]  # built once, sent again
        directives = {part.split()[0]: part.split()[1:] for part in ours.split("; ")}
        assert directives["object-src"] == ["'none'"]
        assert ("'unsafe-inline'" in directives["script-src"]) == path.startswith("/admin/")
    assert "blob:" not in through(ContentSecurityPolicy, plain)[HEADER]


def test_a_view_that_asks_for_more_gets_it_on_top_of_the_admin_additions():
    view = csp_update({"img-src": ["https://example.org"]})(plain)
    public = through(ContentSecurityPolicy, view)[HEADER]
    admin = through(ContentSecurityPolicy, view, "/admin/pages/")[HEADER]
    assert "https://example.org" in public and "blob:" not in public
    assert "https://example.org" in admin and "'unsafe-inline'" in admin
    assert public == through(CSPMiddleware, view)[HEADER]


def test_an_exempt_view_has_no_header():
    assert HEADER not in through(ContentSecurityPolicy, csp_exempt()(plain))


def test_a_nonce_goes_into_the_header_through_django_csp():
    template = engines["django"].from_string("<script nonce='{{ request.csp_nonce }}'></script>")

    def with_nonce(request):
        return HttpResponse(template.render({"request": request}))

    directives = {"script-src": ["'self'", NONCE], "object-src": ["'none'"]}
    with override_settings(CONTENT_SECURITY_POLICY={"DIRECTIVES": directives}):
        response = through(ContentSecurityPolicy, with_nonce)
    nonce = response.content.decode().split("'")[1]
    assert nonce and f"'nonce-{nonce}'" in response[HEADER]


def test_a_changed_policy_is_built_again():
    before = through(ContentSecurityPolicy, plain)[HEADER]
    with override_settings(CONTENT_SECURITY_POLICY={"DIRECTIVES": {"default-src": ["'none'"]}}):
        assert through(ContentSecurityPolicy, plain)[HEADER] == "default-src 'none'"
    assert through(ContentSecurityPolicy, plain)[HEADER] == before
