"""A full-page cache for anonymous visitors, in the cache named "pages" when the
settings have one (production: files that every worker of the machine shares, so
that a repeated request costs no query), else in the default cache. Any change to what
pages show (a page, an indicator or an update published, unpublished or moved; a task
or an indicator saved or deleted; results imported, synced or entered; reference data or
the site's identity saved; a view restriction set or lifted) starts a new cache
generation, so that the next request sees it. Responses carry Cache-Control,
Last-Modified and ETag, and Django's ConditionalGetMiddleware answers a matching
conditional GET with 304.

A page is stored with each encoding the compression middleware offers (zstd, brotli,
gzip, as django-compression-middleware makes them), made once when it is stored, each
encoding under a key of its own with the headers it is sent with (`Content-Encoding`,
`Vary` and the weak ETag the middleware would have set): a hit reads the generation and
the one body the client's Accept-Encoding asks for, nothing else (a brotli page of 7 KB,
not the 100 KB of every encoding and the plain text), and the middleware, seeing the
body already encoded, leaves it alone.

Each worker also keeps the bodies it served last in its own memory (PAGE_CACHE_MEMORY_BYTES,
16 MB by default), under the same keys and expiry: a repeated hit then reads only the
generation from the shared cache (a file or Redis), not the body as well, which took
about a third of a cached page's time in the worker (docs/performance.md). The key
holds the generation, so a change is seen by every worker on its next request.

Never cached: the admin, the search (per-query and rate-limited), documents, the API,
anything but a plain 200 HTML or data response, and any request that carries a
session (a signed-in editor, a visitor who unlocked a private page).

A page is kept under the Wagtail Site that answers the request (Wagtail's own rule:
its host name, then the port the server was reached on, else the default site) and
the scheme, never under the raw Host header: a request for `localhost:99999` is the
default site's page, and adds no entry."""

import functools
import hashlib
import threading
import time
from typing import NamedTuple

from cachetools import TLRUCache
from compression_middleware.middleware import MIN_IMPROVEMENT, MIN_LEN, compressor, compressors
from django.conf import settings
from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.http import HttpResponse
from django.http.request import split_domain_port
from django.utils.cache import patch_vary_headers
from django.utils.http import http_date
from wagtail.models import PageViewRestriction, Site
from wagtail.models.sites import get_site_for_hostname
from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished

import search.reference  # noqa: F401  (connects the drop of search's cached lists at start-up, as this module's)
from plan.models import Agency, AgencySuccession, Indicator, Result, SiteIdentity, Task, TaskProgress, Topic
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
        and not request.META.get("QUERY_STRING")  # filters and odd parameters: computed each time, never cached
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


class MatchedSite(NamedTuple):
    pk: int | None
    root_url: str  # "" when no Site answers


def matched_site(request, current_generation=None):
    """The Wagtail Site that answers `request`, found without a query once known: kept
    per process for each host name and port, under the cache generation (which a saved
    or deleted Site renews; the page cache passes the one it has just read)."""
    hostname = split_domain_port(request.get_host())[0]  # get_host: only ALLOWED_HOSTS
    return site_for(current_generation or generation(), hostname, request.get_port())


@functools.lru_cache(maxsize=64)
def site_for(generation, hostname, port):
    try:
        site = get_site_for_hostname(hostname, port)
    except Site.DoesNotExist:
        return MatchedSite(None, "")
    return MatchedSite(site.pk, site.root_url)


def encoded_bodies(content):
    """{encoding: body} for each encoding that saves at least what the middleware asks of one."""
    if len(content) < MIN_LEN:
        return {}
    bodies = {encoding: compress(content) for encoding, compress, _stream in compressors}
    return {encoding: body for encoding, body in bodies.items() if len(body) < len(content) - MIN_IMPROVEMENT}


ENCODINGS = (None, *(name for name, _compress, _stream in compressors))  # None: the plain body


def variants(response):
    """{encoding: (body, headers)}: what a hit sends to a client whose Accept-Encoding
    the compression middleware answers with `encoding`, marked as the middleware marks
    it; the plain body where that encoding would not save enough. Every header the
    response has (the security headers of the middleware below the cache included),
    with the length of each body."""
    content = response.content
    headers = {name: value for name, value in response.items() if name != "Content-Length"}
    if len(content) >= MIN_LEN:
        plain = HttpResponse(headers=headers)
        patch_vary_headers(plain, ("Accept-Encoding",))
        headers = dict(plain.items())
    bodies = encoded_bodies(content)
    encoded = {**headers, "ETag": "W/" + headers["ETag"]}
    return {
        encoding: (
            bodies[encoding],
            {**encoded, "Content-Encoding": encoding, "Content-Length": str(len(bodies[encoding]))},
        )
        if encoding in bodies
        else (content, {**headers, "Content-Length": str(len(content))})
        for encoding in ENCODINGS
    }


def variant_key(base, encoding):
    return f"{base}:{encoding or 'identity'}"


def entry_size(stored):
    body, headers, _expires = stored
    return len(body) + sum(len(name) + len(value) for name, value in headers.items())


def memory(size):
    """A worker's memory of the pages it served: (body, headers, expires) under their
    keys, `size` bytes at most, each until the time the shared store keeps it."""
    return TLRUCache(
        maxsize=size,
        ttu=lambda _key, stored, _now: stored[2],
        timer=time.time,
        getsizeof=entry_size,
    )


served = memory(settings.PAGE_CACHE_MEMORY_BYTES)
served_lock = threading.Lock()  # cachetools' caches are not thread-safe (runserver, threaded workers)


def stored_variant(key):
    """What the worker or the shared store keeps under `key`, or None."""
    with served_lock:
        stored = served.get(key)
    if stored is None:
        stored = store().get(key)
        if stored is not None:
            keep_in_memory(key, stored)
    return stored


def keep_in_memory(key, stored):
    if entry_size(stored) <= served.maxsize:
        with served_lock:
            served[key] = stored


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not cacheable_request(request):
            return self.get_response(request)
        current = generation()
        base = f"plan:page:{current}:{matched_site(request, current).pk}:{request.scheme}:{request.path}"
        encoding = compressor(request.META.get("HTTP_ACCEPT_ENCODING", ""))[0]
        stored = stored_variant(variant_key(base, encoding))
        if stored is not None:
            body, headers, _expires = stored
            return HttpResponse(body, headers=headers)
        response = self.get_response(request)
        if cacheable_response(response):
            response["Cache-Control"] = f"public, max-age={settings.PAGE_CACHE_BROWSER_SECONDS}"
            response["Last-Modified"] = http_date()
            response["ETag"] = '"' + hashlib.blake2b(response.content, digest_size=16).hexdigest() + '"'
            timeout = settings.PAGE_CACHE_SECONDS
            expires = time.time() + timeout
            stored = {variant_key(base, name): (*value, expires) for name, value in variants(response).items()}
            store().set_many(stored, timeout)
            key = variant_key(base, encoding)
            keep_in_memory(key, stored[key])
            body, headers, _expires = stored[key]
            response.content = body
            for name, value in headers.items():
                response[name] = value
        return response


for signal in (page_published, page_unpublished, post_page_move, published, unpublished, results_changed):
    signal.connect(forget_all, dispatch_uid=f"page-cache-{id(signal)}")
# Tasks and indicators are written by publishing (signalled above), but also directly by a
# command or a shell; a section made private; the site's address (set_site_address),
# which feeds, the sitemap and the data package print in full.
for model in (
    Result,
    TaskProgress,
    Task,
    Indicator,
    Agency,
    AgencySuccession,
    Topic,
    PageViewRestriction,
    Site,
    YearClose,
):
    receiver(post_save, sender=model, dispatch_uid=f"page-cache-save-{model.__name__}")(forget_all)
    receiver(post_delete, sender=model, dispatch_uid=f"page-cache-delete-{model.__name__}")(forget_all)


@receiver(post_save, sender=SiteIdentity, dispatch_uid="page-cache-identity")
def forget_all_on_identity_edit(created=False, **kwargs):
    """Not when the identity is first made from its defaults (on a first page view)."""
    if not created:
        forget_all()
