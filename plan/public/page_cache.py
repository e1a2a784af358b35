"""A full-page cache for anonymous visitors, in the cache named "pages" when the
settings have one (production: files that every worker of the machine shares, so
that a repeated request costs no query), else in the default cache. Any change to what
pages show (a page, an indicator or an update published or unpublished; a task or an
indicator saved or deleted; results imported, synced or entered; reference data or the
site's identity saved) starts a new
cache generation, so that the next request sees it. Responses carry Cache-Control,
Last-Modified and ETag, and Django's ConditionalGetMiddleware answers a matching
conditional GET with 304.

Never cached: the admin, the search (per-query and rate-limited), documents, the API,
anything but a plain 200 HTML or data response, and any request that carries a
session (a signed-in editor, a visitor who unlocked a private page)."""

import hashlib
import time

from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.http import HttpResponse
from django.utils.http import http_date
from wagtail.models import PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, published, unpublished

import search.reference  # noqa: F401  (connects the drop of search's cached lists at start-up, as this module's)
from plan.models import Agency, Indicator, Result, SiteIdentity, Task, TaskProgress, Topic
from plan.results.signals import results_changed
from reports.models import YearClose

GENERATION_KEY = "plan:page-cache:generation"
NEVER_CACHED = ("/admin/", "/tim-kiem/", "/documents/", "/api/", "/django-admin/")
CACHED_TYPES = (
    "text/html",
    "text/csv",
    "application/json",
    "application/xml",
    "application/rss+xml",  # the update feeds
    "application/atom+xml",
    "text/plain",
)
KEPT_HEADERS = ("Content-Type", "Content-Disposition", "Content-Language", "Vary")


def store():
    return caches["pages" if "pages" in settings.CACHES else "default"]


def generation():
    value = store().get(GENERATION_KEY)
    if value is None:
        value = str(time.time_ns())
        store().set(GENERATION_KEY, value, None)
    return value


def new_generation():
    store().set(GENERATION_KEY, str(time.time_ns()), None)


def forget_all(**kwargs):
    """Start a new generation: every cached page is stale from now on; and again when
    the transaction that made the change commits (Wagtail publishes in one), or a page
    requested in between, read before the commit, would be cached in the new one."""
    new_generation()
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(new_generation)


def cacheable_request(request):
    return (
        settings.PAGE_CACHE_SECONDS > 0
        and request.method in ("GET", "HEAD")
        and not request.path.startswith(NEVER_CACHED)
        and not request.GET  # filters and odd parameters: computed each time, never a cache entry per URL
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
    )


def cacheable_response(response):
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "private" not in response.get("Cache-Control", "")
        and "no-store" not in response.get("Cache-Control", "")
        and response.get("Content-Type", "").startswith(CACHED_TYPES)
    )


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not cacheable_request(request):
            return self.get_response(request)
        key = f"plan:page:{generation()}:{request.get_host()}:{request.path}"
        stored = store().get(key)
        if stored is not None:
            content, headers = stored
            response = HttpResponse(content)
            for name, value in headers.items():
                response[name] = value
            return response
        response = self.get_response(request)
        if cacheable_response(response):
            response["Cache-Control"] = f"public, max-age={settings.PAGE_CACHE_BROWSER_SECONDS}"
            response["Last-Modified"] = http_date()
            response["ETag"] = '"' + hashlib.blake2b(response.content, digest_size=16).hexdigest() + '"'
            headers = {name: response[name] for name in (*KEPT_HEADERS, "Cache-Control", "Last-Modified", "ETag")
                       if response.has_header(name)}  # fmt: skip
            store().set(key, (response.content, headers), settings.PAGE_CACHE_SECONDS)
        return response


for signal in (page_published, page_unpublished, published, unpublished, results_changed):
    signal.connect(forget_all, dispatch_uid=f"page-cache-{id(signal)}")
# Tasks and indicators are written by publishing (signalled above), but also directly by a
# command or a shell; a section made private; the site's address (set_site_address),
# which feeds, the sitemap and the data package print in full.
for model in (Result, TaskProgress, Task, Indicator, Agency, Topic, PageViewRestriction, Site, YearClose):
    receiver(post_save, sender=model, dispatch_uid=f"page-cache-save-{model.__name__}")(forget_all)
    receiver(post_delete, sender=model, dispatch_uid=f"page-cache-delete-{model.__name__}")(forget_all)


@receiver(post_save, sender=SiteIdentity, dispatch_uid="page-cache-identity")
def forget_all_on_identity_edit(created=False, **kwargs):
    """Not when the identity is first made from its defaults (on a first page view)."""
    if not created:
        forget_all()
