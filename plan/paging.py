"""One page of a long list, with the links a page shows (plain, no database): the
previous and next pages and the page numbers, a gap (None) for long ranges. Search,
the update lists and the dashboard share it and its template
(search/pagination.html); each says how a page number becomes an address. The tables
of a page (an area's, an agency's, a topic's) show LIST_SIZE rows at a time
(table_page)."""

from functools import cached_property

from django.core.paginator import Paginator


class CountedPaginator(Paginator):
    """A Paginator told how many items there are (a page that counted them already
    spares the COUNT query)."""

    def __init__(self, object_list, per_page, count):
        super().__init__(object_list, per_page)
        self.known_count = count

    @cached_property
    def count(self):
        return self.known_count


def page_of(items, per_page, number, url_for, count=None):
    """The page `number` of `items` (the last one when past the end, the first when not a
    number) as a Django Page with `previous_url`, `next_url` and `links`: [(number, url
    or None for a gap)]; `url_for(number)` gives a page's address. `count`: how many
    items there are, when already known."""
    paginator = Paginator(items, per_page) if count is None else CountedPaginator(items, per_page, count)
    page = paginator.get_page(number)
    page.previous_url = url_for(page.previous_page_number()) if page.has_previous() else ""
    page.next_url = url_for(page.next_page_number()) if page.has_next() else ""
    page.links = [
        (number, None if number == paginator.ELLIPSIS else url_for(number))
        for number in paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)
    ]
    return page


LIST_SIZE = 50  # rows of one table a page; the open-data files hold every task and indicator


def table_page(request, items, parameter, anchor, count=None):
    """One page of a table of the page, whose number is in `parameter` (a page may show
    several tables); its links keep the other tables' page numbers."""

    def address(number):
        query = request.GET.copy()
        query[parameter] = number
        return f"?{query.urlencode()}#{anchor}"

    return page_of(items, LIST_SIZE, request.GET.get(parameter), address, count)
