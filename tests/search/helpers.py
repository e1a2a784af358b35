"""Run a search the way the page does and name its results briefly:
"task:3.4", "indicator:3.a.4.1", "agency:so-noi-vu", "topic:<slug>", "page:<slug>"."""

from django.http import QueryDict

from search import params, service


def key(item):
    obj = item.obj
    if item.kind == "task":
        return f"task:{obj.code}"
    if item.kind == "indicator":
        return f"indicator:{obj.code}"
    if item.kind == "agency":
        return f"agency:{obj.code}"
    if item.kind == "topic":
        return f"topic:{obj.slug}"
    return f"page:{obj.slug}"


def search(query_string):
    """The Outcome of a search for a URL query string such as "q=so+hoa&type=task"."""
    return service.search(params.parse(QueryDict(query_string)))


def result_keys(query_string):
    outcome = search(query_string)
    return [key(item) for item in outcome.page.paginator.object_list] if outcome.page else []
