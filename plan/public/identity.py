"""The site's identity (plan.models.SiteIdentity) for every template, as `identity`,
without a query per request: it is kept in the default cache and dropped whenever
an administrator saves it or the sites change. With a cache shared by every worker
(production), a change shows at once; with the local-memory cache of development,
each process keeps it at most IDENTITY_CACHE_SECONDS.

The same cache entry keeps Wagtail's site root paths (from which it works out every
page's URL, and which it would read from the cache again): one cache read a request
for both. The entry is dropped too when a page is published or moved (a site's root
page may have a new address)."""

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils.functional import SimpleLazyObject
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from plan.models import PlanPage, SiteIdentity

CACHE_KEY = "plan:site-identity"
PLAN_URL_KEY = "plan:newest-plan-url"
IDENTITY_CACHE_SECONDS = 300


def site_basics(request):
    """(the SiteIdentity of the site that serves the request, Wagtail's site root
    paths), read once per request from one cache entry ({"identities": {host:
    identity}, "root_paths": [...]}, so that a save drops every host's copy at once)."""
    if not hasattr(request, "_site_basics"):
        entry = cache.get(CACHE_KEY) or {}
        identities = entry.setdefault("identities", {})
        host = request.get_host()
        if host not in identities or "root_paths" not in entry:
            identities[host] = identities.get(host) or SiteIdentity.for_request(request)
            entry["root_paths"] = entry.get("root_paths") or Site.get_site_root_paths()
            cache.set(CACHE_KEY, entry, IDENTITY_CACHE_SECONDS)
        request._site_basics = (identities[host], entry["root_paths"])
    return request._site_basics


def current_identity(request):
    return site_basics(request)[0]


def newest_plan_url(request):
    """The address of the newest published plan ("" before any), which the menu of
    pages outside a plan leads to; kept in the cache until a page is published,
    unpublished, moved or deleted."""
    url = cache.get(PLAN_URL_KEY)
    if url is None:
        plan = PlanPage.objects.live().public().order_by("-year", "path").first()
        url = plan.get_url(request) if plan else ""
        cache.set(PLAN_URL_KEY, url, IDENTITY_CACHE_SECONDS)
    return url


def site_identity(request):
    """Context processor: `identity`, read only when a template uses it, and the page's
    canonical address (the public address: the Site's, behind a proxy too)."""
    return {
        "identity": SimpleLazyObject(lambda: current_identity(request)),
        "site_root": SimpleLazyObject(lambda: request.build_absolute_uri("/").rstrip("/")),
        "canonical_url": SimpleLazyObject(lambda: request.build_absolute_uri(request.path)),
        "newest_plan_url": SimpleLazyObject(lambda: newest_plan_url(request)),
    }


@receiver(post_save, sender=SiteIdentity)
@receiver(post_delete, sender=SiteIdentity)
@receiver(post_save, sender=Site)
@receiver(post_delete, sender=Site)
@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
@receiver(post_delete, sender=Page)
@receiver(post_delete, sender=PlanPage)
def forget_site_basics(**kwargs):
    """The identity, the site root paths and the newest plan's address are read again
    (and again after the commit: a request in between would keep what it read before)."""
    forget_now()
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(forget_now)


def forget_now():
    cache.delete_many([CACHE_KEY, PLAN_URL_KEY])
