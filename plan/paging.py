"""One page of a long list, with the links a page shows (plain, no database): the
previous and next pages and the page numbers, a gap (None) for long ranges. Search,
the update lists and the dashboard share it and its template
(search/pagination.html); each says how a page number becomes an address."""

from django.core.paginator import Paginator


def page_of(items, per_page, number, url_for):
    """The page `number` of `items` (the last one when past the end, the first when not a
    number) as a Django Page with `previous_url`, `next_url` and `links`: [(number, url
    or None for a gap)]; `url_for(number)` gives a page's address."""
    paginator = Paginator(items, per_page)
    page = paginator.get_page(number)
    page.previous_url = url_for(page.previous_page_number()) if page.has_previous() else ""
    page.next_url = url_for(page.next_page_number()) if page.has_next() else ""
    page.links = [
        (number, None if number == paginator.ELLIPSIS else url_for(number))
        for number in paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)
    ]
    return page
