"""A report page's data is frozen when the page is first published: what it showed
then is what it shows for good. The previous period's frozen report (same agency, or
the province's) is what its differences are read against."""

from django.db import transaction
from django.utils import timezone

from reports.assemble import assemble
from reports.models import ReportSnapshot


@transaction.atomic
def freeze(page, today=None):
    """The page's snapshot, taken now if it has none; never taken again."""
    snapshot = ReportSnapshot.objects.filter(page=page).first()
    if snapshot is None:
        data = assemble(page.period, page.agency, today)
        snapshot, _ = ReportSnapshot.objects.get_or_create(
            page=page, defaults={"data": data, "taken_at": timezone.now()}
        )
    return snapshot


def frozen(page):
    if page.pk is None:  # a page not saved yet (a first preview)
        return None
    return ReportSnapshot.objects.filter(page=page).first()


def previous_snapshot(page):
    """The frozen report of the period before `page`'s, for the same agency (or the province)."""
    return (
        ReportSnapshot.objects.filter(
            page__live=True, page__agency=page.agency, page__period__deadline__lt=page.period.deadline
        )
        .order_by("-page__period__deadline")
        .first()
    )
