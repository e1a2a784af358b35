"""What a plan's page reads besides its areas (queries.plan_contents): the updates under
it, the publication log of its pages and its implementation sections, each in one plain
statement: the ORM took longer to build them than the database to run them. The same
rule as queries.updates_about and queries.in_public_section: live pages only, and none
in a private section (a view restriction on the page or above it)."""

from django.db import connection
from django.urls import reverse
from wagtail.models import Page, PageLogEntry, PageViewRestriction

from plan.content.raw_values import table, value_converter
from plan.models import Agency, ImplementationSection, UpdatePage


def public(alias):
    """SQL: the page `alias` has no view restriction on it or above it."""
    return (
        f"NOT EXISTS (SELECT 1 FROM {table(PageViewRestriction)} r JOIN {table(Page)} rp ON rp.id = r.page_id "
        f"WHERE substr({alias}.path, 1, length(rp.path)) = rp.path)"
    )


def updates_under(page, limit):
    """The newest `limit` live, public updates below `page`, with what a list of them
    shows (title, date, summary, and the URL path their address comes from)."""
    sql = (
        f"SELECT p.id, p.title, p.url_path, u.page_ptr_id, u.date, u.summary "
        f"FROM {table(Page)} p JOIN {table(UpdatePage)} u ON u.page_ptr_id = p.id "
        f"WHERE p.path LIKE %s AND p.depth > %s AND p.live AND {public('p')} "
        "ORDER BY u.date DESC, p.first_published_at DESC LIMIT %s"
    )
    return list(UpdatePage.objects.raw(sql, [page.path + "%", page.depth, limit]))


def publication_log(plan, limit=30):
    """The plan's publications, newest first: of its page and the pages below it, but
    none in a private section; log entries with `timestamp` and `page_title`."""
    sql = (
        f"SELECT l.id, l.timestamp, p.title AS page_title "
        f"FROM {table(PageLogEntry)} l JOIN {table(Page)} p ON p.id = l.page_id "
        f"WHERE l.action = %s AND p.path LIKE %s AND {public('p')} "
        "ORDER BY l.timestamp DESC LIMIT %s"
    )
    return list(PageLogEntry.objects.raw(sql, ["wagtail.publish", plan.path + "%", limit]))


def section_rows(plan):
    """The plan's implementation sections (number, heading, duties), each with its
    `agencies` ({"name", "url"}, by name)."""
    links = table(ImplementationSection.agencies.through)
    sql = (
        f"SELECT s.id, s.number, s.heading, s.duties, a.code, a.name FROM {table(ImplementationSection)} s "
        f"LEFT JOIN {links} l ON l.implementationsection_id = s.id LEFT JOIN {table(Agency)} a ON a.id = l.agency_id "
        "WHERE s.page_id = %s ORDER BY s.sort_order, a.name"
    )
    duties = value_converter(ImplementationSection._meta.get_field("duties"))
    rows = {}
    with connection.cursor() as cursor:
        cursor.execute(sql, [plan.pk])
        for pk, number, heading, stream, code, name in cursor.fetchall():
            if pk not in rows:
                rows[pk] = {"number": number, "heading": heading, "agencies": []}
                rows[pk]["duties"] = duties(stream)
            if code:
                rows[pk]["agencies"].append({"name": name, "url": reverse("plan:agency", args=[code])})
    return list(rows.values())
