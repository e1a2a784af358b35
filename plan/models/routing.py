"""Routing a request from the site's root page in one query, with Wagtail's answers.

Wagtail's `Page.route` reads two rows per level of the address (the child by its slug,
then its specific object), and its `check_view_restrictions` hook two more (the
ancestors, then their view restrictions): 8 queries below the home page for an
indicator's page. Here one query reads the root page's ancestors and every page on
the way down (by slug and depth), each with whether a view restriction is set on it;
the walk down happens in Python; the page where it stops gets its specific object
and its own `route`, as in Wagtail. Where a level behaves otherwise than Wagtail's
default (a routable page whose sub-route matches what is left of the address, or a
page type with its own `route`), the rest of the address goes to that page's
`route`, so sub-routes still come before children. The page served carries what the
walk read: its lineage (ancestors and its own row, for the breadcrumbs) and, when no
page on the way is restricted or an alias, no view restrictions, which
`get_view_restrictions` then answers without a query."""

from django.http import Http404
from django.urls import Resolver404
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, PageViewRestriction

from plan.content.raw_values import QUOTE, table

DEFAULT_ROUTES = (Page.route, RoutablePageMixin.route)


def route_below(root, request, path_components):
    """What `root.route(request, path_components)` gives with Wagtail's default routes."""
    rows = pages_on_the_way(root, path_components)
    lineage = [row for row in rows if row.depth <= root.depth]
    page, remaining = root, list(path_components)
    while remaining and follows_default_route(page, remaining):
        child = next((row for row in rows if is_child(row, page) and row.slug == remaining[0]), None)
        if child is None:
            raise Http404
        child._cached_parent_obj = page  # as Wagtail's route does
        lineage.append(child)
        page, remaining = child, remaining[1:]
    specific = specific_of(page)
    own_route = super(RoutesInOneQuery, specific).route if isinstance(specific, RoutesInOneQuery) else specific.route
    result = own_route(request, remaining)
    if result.page is specific:
        specific.route_lineage = lineage
        specific.unrestricted_on_route = not any(row.restricted or row.alias_of_id for row in lineage)
    return result


def pages_on_the_way(root, path_components):
    """The root's ancestors, the root, and every page below it whose slug and depth fit
    the address, in tree order, each with `restricted` (a view restriction is set on
    it). In SQL: the ORM takes three times as long to build this statement (with
    Exists) as the database to run it."""
    steplen = Page.steplen
    paths = [root.path[:end] for end in range(steplen, len(root.path) + 1, steplen)]
    slugs = sorted(set(path_components))
    page, restriction = table(Page), table(PageViewRestriction)
    below = ""
    if slugs:
        below = f" OR (path LIKE %s AND depth > %s AND depth <= %s AND slug IN ({', '.join(['%s'] * len(slugs))}))"
    sql = (
        f"SELECT {page}.*, EXISTS (SELECT 1 FROM {restriction} WHERE page_id = {page}.id) AS restricted "
        f"FROM {page} WHERE path IN ({', '.join(['%s'] * len(paths))}){below} ORDER BY path"
    )
    params = [*paths, *([root.path + "%", root.depth, root.depth + len(path_components), *slugs] if slugs else [])]
    return list(Page.objects.raw(sql, params))


def specific_of(page):
    """page.specific, read by a plain statement that joins the page type's tables (the
    ORM's .get() took three times as long to build it as the database to run it)."""
    model = page.specific_class
    if model is None or isinstance(page, model):
        return page
    tables, joins = [], []
    child = model
    while child is not Page:
        parent, link = next(iter(child._meta.parents.items()))
        alias = f"t{len(tables)}"
        parent_alias = f"t{len(tables) + 1}" if parent is not Page else "p"
        tables.append(child)
        joins.append(
            f"JOIN {table(child)} {alias} "
            f"ON {alias}.{QUOTE(link.column)} = {parent_alias}.{QUOTE(parent._meta.pk.column)}"
        )
        child = parent
    sql = f"SELECT * FROM {table(Page)} p {' '.join(reversed(joins))} WHERE p.id = %s"
    specific = next(iter(model.objects.raw(sql, [page.pk])), None)
    if specific is None:
        raise Http404  # deleted since the route's statement was read
    for key, value in page.__dict__.items():  # what Page.get_specific copies
        specific.__dict__.setdefault(key, value)
    return specific


def is_child(row, page):
    return row.depth == page.depth + 1 and row.path.startswith(page.path)


def follows_default_route(page, remaining):
    """Whether Wagtail's default route of this page would go on to a child named
    remaining[0]: not for a page type with its own route (or sub-route resolution), nor
    for a live routable page with a sub-route for the rest of the address."""
    page_class = page.specific_class
    if page_class is None or page_class.route not in (*DEFAULT_ROUTES, RoutesInOneQuery.route):
        return False
    if issubclass(page_class, RoutablePageMixin) and page.live:
        if page_class.resolve_subpage is not RoutablePageMixin.resolve_subpage:
            return False  # its own way to resolve: its own route decides
        try:
            page_class.get_resolver().resolve("/" + "/".join(remaining) + "/")
        except Resolver404:
            return True
        return False
    return True


class RoutesInOneQuery:
    """For the site's root page: the routing above."""

    def route(self, request, path_components):
        return route_below(self, request, path_components)


class RestrictionsFromRoute:
    """No query for the view restrictions of a page the router found unrestricted."""

    def get_view_restrictions(self):
        if getattr(self, "unrestricted_on_route", False):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()
