"""The site's identity (plan.models.SiteIdentity) for every template, as `identity`,
without a query per request: it is kept in the default cache and dropped whenever
an administrator saves it or the sites change. With a cache shared by every worker
(production), a change shows at once; with the local-memory cache of development,
each process keeps it at most IDENTITY_CACHE_SECONDS. The newest plan's address,
which the menu leads to, is kept beside it and dropped when a page is published,
unpublished, moved or deleted, or a private section is set or lifted."""

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils.functional import SimpleLazyObject
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from plan.models import PlanPage, SiteIdentity
from plan.public.page_cache import matched_site

CACHE_KEY = "plan:site-identity"
PLAN_URL_KEY = "plan:newest-plan-url"
IDENTITY_CACHE_SECONDS = 300


def current_identity(request):
    """The SiteIdentity of the site that serves the request, from one cache entry
    ({site: identity}, so that a save drops every site's copy at once)."""
    identities = cache.get(CACHE_KEY) or {}
    site = matched_site(request).pk
    if site not in identities:
        identities[site] = SiteIdentity.for_request(request)
        cache.set(CACHE_KEY, identities, IDENTITY_CACHE_SECONDS)
    return identities[site]


def site_root(request):
    """The site's public address, as its Wagtail Site records it ("https://cchc.example.gov.vn",
    set from WAGTAILADMIN_BASE_URL by start_site), whatever Host header and scheme the
    request came with; the request's own only when no Site answers. Every absolute
    link (canonical, og:url, feeds, open data, robots.txt, the Data Package) starts
    with it."""
    return matched_site(request).root_url or request.build_absolute_uri("/").rstrip("/")


def newest_plan(request):
    """{"url", "is_draft"} of the newest published plan (url "" before any): the menu
    of pages outside a plan leads to it, and every page says when its text is an
    unsigned draft. Kept in the cache until a page is published, unpublished, moved or
    deleted."""
    found = cache.get(PLAN_URL_KEY)
    if found is None:
        plan = PlanPage.objects.published().order_by("-year", "path").first()
        found = {"url": plan.get_url(request) if plan else "", "is_draft": bool(plan and plan.is_draft)}
        cache.set(PLAN_URL_KEY, found, IDENTITY_CACHE_SECONDS)
    return found


def newest_plan_url(request):
    return newest_plan(request)["url"]


def site_identity(request):
    """Context processor: `identity`, read only when a template uses it, the site's
    public address and the page's canonical address (site_root)."""
    return {
        "identity": SimpleLazyObject(lambda: current_identity(request)),
        "site_root": SimpleLazyObject(lambda: site_root(request)),
        "canonical_url": SimpleLazyObject(lambda: site_root(request) + request.path),
        "newest_plan_url": SimpleLazyObject(lambda: newest_plan_url(request)),
        "newest_plan": SimpleLazyObject(lambda: newest_plan(request)),
    }


@receiver(post_save, sender=SiteIdentity)
@receiver(post_delete, sender=SiteIdentity)
@receiver(post_save, sender=Site)
@receiver(post_delete, sender=Site)
@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
@receiver(post_delete, sender=Page)
@receiver(post_delete, sender=PlanPage)
def forget_identity(**kwargs):
    """The identity and the newest plan's address are read again
    (and again after the commit: a request in between would keep what it read before)."""
    forget_now()
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(forget_now)


def forget_now():
    cache.delete_many([CACHE_KEY, PLAN_URL_KEY])
