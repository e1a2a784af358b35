"""The public change history of a page, a task or an indicator, read from Wagtail's
publication log and revisions, and the corrections of published figures."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Q
from django.db.models.functions import Cast
from wagtail.models import ModelLogEntry, PageLogEntry, Revision

from plan.content import history
from plan.models import Agency, AreaPage, Indicator, ResultHistory

PUBLISH = "wagtail.publish"
LIMIT = 10


def published_contents(log_entries):
    """[(published_at, content)] oldest first: the revisions that the publication log
    entries `log_entries` (a queryset of Wagtail's page or model log) published."""
    published = log_entries.filter(action=PUBLISH, revision__isnull=False).values("revision_id")
    revisions = Revision.objects.filter(pk__in=published).order_by("created_at", "pk")
    return list(revisions.values_list("created_at", "content"))


def page_contents(page):
    return published_contents(PageLogEntry.objects.filter(page=page))


class AgencyNames(dict):
    """{agency pk: name}, read from the database only if a change names an agency."""

    loaded = False

    def get(self, key, default=None):
        if not self.loaded:
            self.update(Agency.objects.values_list("pk", "name"))
            self.loaded = True
        return super().get(key, default)


def agency_names():
    return AgencyNames()


def page_history(page, fields):
    return history.versions(page_contents(page), fields, agency_names())[:LIMIT]


def task_history(area, code):
    contents = history.task_contents(page_contents(area), code)
    return history.versions(contents, history.TASK_FIELDS, agency_names())[:LIMIT]


def indicator_history(indicator):
    content_type = ContentType.objects.get_for_model(Indicator)  # cached by Django after the first
    entries = ModelLogEntry.objects.filter(content_type=content_type, object_id=str(indicator.pk))
    return history.versions(published_contents(entries), history.INDICATOR_FIELDS, agency_names())[:LIMIT]


def figure_corrections(indicator):
    """Every change of a published figure of the indicator: period, old and new value,
    when and why, newest first."""
    return (
        ResultHistory.objects.corrections()
        .filter(result__indicator=indicator)
        .select_related("result")
        .order_by("-changed_at", "-pk")
    )


def published_versions(pages, indicators):
    """{(content type id, object id as text): [(revision pk, published_at, content)]},
    oldest first: the published revisions of the pages (a queryset of Wagtail's page
    log, e.g. the pages below a plan) and of the indicators (a queryset), in one query."""
    indicator_type = ContentType.objects.get_for_model(Indicator)
    keys = indicators.annotate(key=Cast("pk", CharField())).values("key")
    published = Q(pk__in=pages.filter(action=PUBLISH, revision__isnull=False).values("revision_id")) | Q(
        pk__in=ModelLogEntry.objects.filter(
            action=PUBLISH, content_type=indicator_type, object_id__in=keys, revision__isnull=False
        ).values("revision_id")
    )
    rows = Revision.objects.filter(published).order_by("created_at", "pk")
    grouped = {}
    for pk, kind, object_id, when, content in rows.values_list(
        "pk", "content_type_id", "object_id", "created_at", "content"
    ):
        grouped.setdefault((kind, object_id), []).append((pk, when, content))
    return grouped


def versions_below(grouped, subject_of_area=None):
    """[Version] of the areas' own fields and tasks and of the indicators in `grouped`
    (published_versions), each change said of its area ("Lĩnh vực 3 · …", when
    `subject_of_area`) and indicator ("Chỉ tiêu 3.a.2 · …")."""
    area_type, indicator_type = (ContentType.objects.get_for_model(m).pk for m in (AreaPage, Indicator))
    names = agency_names()
    found = []
    for (kind, _object_id), rows in grouped.items():
        contents = [(when, content) for _pk, when, content in rows]
        if kind == indicator_type:
            code = contents[-1][1].get("code", "")
            found += history.said_of(history.versions(contents, history.INDICATOR_FIELDS, names), f"Chỉ tiêu {code}")
        elif kind == area_type:
            versions = history.versions(contents, None, names, history.area_changes)
            if subject_of_area:
                versions = history.said_of(versions, f"Lĩnh vực {contents[-1][1].get('number', '')}")
            found += versions
    return history.newest(found, LIMIT)


def area_history(area):
    """What changed on an area page: its own fields, its tasks and its indicators."""
    grouped = published_versions(PageLogEntry.objects.filter(page=area), Indicator.objects.filter(area=area, live=True))
    return versions_below(grouped)


def plan_histories(plan):
    """(the plan page's own changes, the changes below it, the publication log with
    what each publication changed), from one read of the published versions."""
    grouped = published_versions(
        PageLogEntry.objects.filter(page__path__startswith=plan.path),
        Indicator.objects.filter(area__path__startswith=plan.path, live=True),
    )
    plan_type = ContentType.objects.get_for_model(type(plan)).pk
    names = agency_names()
    own_rows = grouped.pop((plan_type, str(plan.pk)), [])
    own = history.versions([(w, c) for _pk, w, c in own_rows], history.PLAN_FIELDS, names)[:LIMIT]
    return own, versions_below(grouped, subject_of_area=True), changed_labels(plan_type, own_rows, grouped, names)


def changed_labels(plan_type, own_rows, grouped, names):
    """{revision pk: [label]}: what each publication of the plan or an area changed."""
    area_type = ContentType.objects.get_for_model(AreaPage).pk
    labels = {}
    pages = [(plan_type, own_rows)] + [(kind, rows) for (kind, _id), rows in grouped.items() if kind == area_type]
    for kind, rows in pages:
        if rows:
            labels[rows[0][0]] = ["Đăng lần đầu"]
        for (_pk, _when, before), (pk, _w, after) in zip(rows, rows[1:], strict=False):
            if kind == plan_type:
                changed = history.changes(before, after, history.PLAN_FIELDS, names)
            else:
                changed = history.area_changes(before, after, names)
            labels[pk] = [change.label for change in changed]
    return labels


def log_with_changes(entries, labels):
    """The publication log entries (dicts with `revision_id`), each with what that
    publication changed (`changed`: [label])."""
    entries = list(entries)
    for entry in entries:
        entry["changed"] = labels.get(entry["revision_id"], [])
    return entries
