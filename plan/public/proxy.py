"""The caching proxy in front of the site (Varnish, `deploy/varnish/cchc.vcl`) is told
which addresses to drop when what they show changes, through Wagtail's frontend cache
(`wagtail.contrib.frontend_cache`, on when FRONTEND_CACHE_PURGE_URL is set). Wagtail
purges a page it publishes; the addresses below are the other pages that show it:

- an indicator's or a task's figures or reports: its own page, its area's, its plan's
  page, dashboard and appendix, the plan list, the home page, the pages of its agencies
  and topics, and the open-data files;
- a page published, unpublished or moved: its ancestors, and when it is an area, the
  pages of its tasks and indicators (their headings name it) with the above.

The purge is sent once the transaction commits, as a batch."""

from django.apps import apps
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.urls import reverse
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from plan.models import AppendixPage, AreaPage, Indicator, PlanPage, Result, Task, TaskProgress
from plan.results.signals import results_changed

SITE_WIDE = ("plan:open_data_package", "plan:sitemap", "plan:agency_list", "plan:topic_list")
OPEN_DATA_FILES = ("chi-tieu.csv", "chi-tieu.json", "ket-qua.csv", "ket-qua.json")
PLAN_ROUTES = ("", "tien-do/", "tin-cap-nhat/", "tin-cap-nhat/rss/", "tin-cap-nhat/atom/")


def proxy_configured():
    return apps.is_installed("wagtail.contrib.frontend_cache")


def site_wide_paths():
    paths = {"/", *(reverse(name) for name in SITE_WIDE)}
    return paths | {reverse("plan:open_data") + name for name in OPEN_DATA_FILES}


def plan_paths(plan):
    base = plan.get_url()
    paths = {base + route for route in PLAN_ROUTES}
    paths |= {page.get_url() for page in AppendixPage.objects.child_of(plan).live()}
    return paths | {page.get_url() for page in plan.get_ancestors().live().specific()}


def item_paths(indicators=(), tasks=()):
    """The pages that show these indicators and tasks (with their areas and agencies loaded)."""
    paths = site_wide_paths()
    areas = {item.area for item in (*indicators, *tasks)}
    for area in areas:
        paths |= {area.get_url(), *plan_paths(area.get_parent().specific)}
    agencies = {i.responsible_agency for i in indicators} | {t.lead_agency for t in tasks}
    agencies |= {agency for task in tasks for agency in task.coordinating_agencies.all()}
    topics = {topic for item in (*indicators, *tasks) for topic in item.topics.all()}
    paths |= {reverse("plan:agency", args=[agency.code]) for agency in agencies if agency}
    paths |= {reverse("plan:topic", args=[topic.slug]) for topic in topics}
    return paths | {item.get_url() for item in (*indicators, *tasks)}


def page_paths(page):
    page = page.specific
    if isinstance(page, AreaPage):
        return item_paths(
            Indicator.objects.filter(area=page).for_table().prefetch_related("topics"),
            Task.objects.filter(area=page).for_table(),
        )
    paths = site_wide_paths() | {p.get_url() for p in page.get_ancestors().live().specific()}
    plan = PlanPage.objects.filter(pk__in=page.get_ancestors(inclusive=True).values("pk")).first()
    return paths | (plan_paths(plan) if plan else set())


def purge(paths):
    """PURGE each address, absolute under the default site, after the commit."""
    from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        return
    urls = sorted(site.root_url + path for path in paths if path)
    transaction.on_commit(lambda: purge_urls_from_cache(urls))


@receiver(results_changed, dispatch_uid="proxy-results")
def purge_results(indicator_pks=(), **kwargs):
    if proxy_configured() and indicator_pks:
        indicators = Indicator.objects.filter(pk__in=indicator_pks).for_table().prefetch_related("topics")
        purge(item_paths(indicators=list(indicators)))


@receiver(post_save, sender=Result, dispatch_uid="proxy-result-save")
@receiver(post_delete, sender=Result, dispatch_uid="proxy-result-delete")
@receiver(post_save, sender=Indicator, dispatch_uid="proxy-indicator-save")
def purge_indicator(instance, **kwargs):
    if proxy_configured():
        indicator_pk = instance.pk if isinstance(instance, Indicator) else instance.indicator_id
        purge_results(indicator_pks=[indicator_pk])


@receiver(post_save, sender=TaskProgress, dispatch_uid="proxy-progress-save")
@receiver(post_delete, sender=TaskProgress, dispatch_uid="proxy-progress-delete")
@receiver(post_save, sender=Task, dispatch_uid="proxy-task-save")
def purge_task(instance, **kwargs):
    if proxy_configured():
        task_pk = instance.pk if isinstance(instance, Task) else instance.task_id
        purge(item_paths(tasks=list(Task.objects.filter(pk=task_pk).for_table())))


@receiver(page_published, dispatch_uid="proxy-page-published")
@receiver(page_unpublished, dispatch_uid="proxy-page-unpublished")
@receiver(post_page_move, dispatch_uid="proxy-page-moved")
def purge_page(instance, **kwargs):
    if proxy_configured() and isinstance(instance, Page):
        purge(page_paths(instance))
