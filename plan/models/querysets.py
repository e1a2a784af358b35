"""The reads that pages, the API, open data and feeds share, as QuerySet methods on
pages, tasks and indicators: each says what it gives, so that a page asks for
`for_table()` rather than spelling out its joins.

`published()` is the one notion of "publicly visible" every public surface reads
through: a live page, or a live indicator or a task of a live area, outside any
private section (no Wagtail view restriction, of any kind, on the page or above it).
`live()` is what is published whatever the restrictions (editors' reminders)."""

from django.db.models import Count, Exists, IntegerField, JSONField, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce, JSONObject, Length, Substr
from wagtail.models import PageManager, PageViewRestriction
from wagtail.query import PageQuerySet

from plan.models.reference import Agency, Topic
from plan.models.results import ResultHistory


def counted(queryset, link, **filters):
    """A correlated count: the rows of `queryset` whose `link` is the outer row, with `filters`."""
    rows = queryset.filter(**{link: OuterRef("pk")}, **filters).order_by().values(link)
    return Coalesce(Subquery(rows.annotate(n=Count("pk")).values("n"), output_field=IntegerField()), 0)


def tally(queryset, link, statuses, evidence, **more):
    """An annotation of an outer query (an area): one correlated subquery giving, as one
    JSON object (None without rows), how many of its rows of `queryset` (linked by
    `link`) have each stored status (keyed by the status), how many rest on an
    illustrative figure or report ("demo") and on any ("evidence"), and the aggregates
    `more`: what a roll-up shows, counted in one pass over the rows (a subquery for
    each status cost more to build than to run)."""
    counts = {status: Count("pk", filter=Q(status=status)) for status in statuses}
    counts["demo"] = Count("pk", filter=Q(**{f"{evidence}__is_demo": True}))
    counts["evidence"] = Count(evidence)
    rows = queryset.filter(**{link: OuterRef("pk")}).order_by().values(link)
    return Subquery(rows.annotate(tally=JSONObject(**counts, **more)).values("tally"), output_field=JSONField())


def named(model, *fields):
    """The agencies or topics a row links to: their name and address only."""
    return model.objects.only(*fields).order_by("name")


def in_public_section(path="path"):
    """A filter: the page whose tree path is the field `path` has no view restriction on
    it or above it. One statement, where Wagtail's .public() first reads the
    restrictions in a query of its own (it is the same rule)."""
    restricted = PageViewRestriction.objects.filter(page__path=Substr(OuterRef(path), 1, Length("page__path")))
    return ~Exists(restricted)


class PublishedPageQuerySet(PageQuerySet):
    def published(self):
        """Live pages outside any private section."""
        return self.live().filter(in_public_section())


PublishedPageManager = PageManager.from_queryset(PublishedPageQuerySet)


class IndicatorQuerySet(QuerySet):
    def live(self):
        """Live indicators of live areas, private sections included."""
        return self.filter(live=True, area__live=True)

    def published(self):
        """Live indicators of live areas outside any private section."""
        return self.live().filter(in_public_section("area__path"))

    def for_rows(self):
        """What a row of a table shows, but the area: for rows read through an area's
        `indicators` manager, which sets the area on each without a join."""
        return self.select_related("responsible_agency", "latest_result")

    def for_table(self):
        """What a row of a table shows: the responsible agency, the figure the stored
        status rests on, and the area (for the address)."""
        return self.for_rows().select_related("area")

    def for_detail(self):
        """for_table, with the topics and whether updates or corrected figures exist
        (their own reads then run only when there are some)."""
        corrections = ResultHistory.objects.corrections().filter(result__indicator=OuterRef("pk"))
        updates = self.model.updates.through.objects.filter(indicator_id=OuterRef("pk"))
        return (
            self.for_table()
            .prefetch_related(Prefetch("topics", queryset=named(Topic, "slug", "name")))
            .annotate(has_updates=Exists(updates), has_corrections=Exists(corrections))
        )

    def status_counts(self, *by):
        """Rows of `by` with each status, how many indicators have it (`count`), how many
        of those rest on an illustrative figure (`demo`) and on any (`evidence`)."""
        return (
            self.order_by()
            .values(*by, "status")
            .annotate(
                count=Count("pk"),
                demo=Count("pk", filter=Q(latest_result__is_demo=True)),
                evidence=Count("latest_result"),
            )
        )


class TaskQuerySet(QuerySet):
    def live(self):
        """Tasks of live areas (a task is published with its area), private sections included."""
        return self.filter(area__live=True)

    def published(self):
        """Tasks of live areas outside any private section."""
        return self.live().filter(in_public_section("area__path"))

    def for_rows(self):
        """What a row of a table shows, but the area: for rows read through an area's
        `tasks` manager, which sets the area on each without a join."""
        return self.select_related("lead_agency", "latest_report").prefetch_related(
            Prefetch("coordinating_agencies", queryset=named(Agency, "code", "name")),
            Prefetch("topics", queryset=named(Topic, "slug", "name")),
        )

    def for_table(self):
        """What a row of a table shows: the lead and coordinating agencies, the topics,
        the latest report the stored status rests on, and the area (for the address)."""
        return self.for_rows().select_related("area")

    def for_appendix(self):
        """What a row of the appendix shows: the lead and coordinating agencies (the area
        is the one the rows are listed under)."""
        return self.select_related("lead_agency").prefetch_related(
            Prefetch("coordinating_agencies", queryset=named(Agency, "code", "name")),
        )

    def for_detail(self):
        """for_table, with whether updates exist (their read then runs only when there are some)."""
        updates = self.model.updates.through.objects.filter(task_id=OuterRef("pk"))
        return self.for_table().annotate(has_updates=Exists(updates))

    def status_counts(self, *by):
        """As IndicatorQuerySet.status_counts, for tasks and their latest reports."""
        return (
            self.order_by()
            .values(*by, "status")
            .annotate(
                count=Count("pk"),
                demo=Count("pk", filter=Q(latest_report__is_demo=True)),
                evidence=Count("latest_report"),
            )
        )
