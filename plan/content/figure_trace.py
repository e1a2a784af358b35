"""What moved the home page's rate: the real figures the stored statuses rest on, most
recently entered or corrected first, each with its latest public correction. A reader
who sees the rate change finds here which figure changed, when, and why."""

from django.db.models import Prefetch

from plan.models import AreaPage, Indicator, Result, ResultHistory

RECENT = 5


def recent_real_figures(plan, limit=RECENT):
    """The `limit` real figures of the plan's published indicators that their statuses
    rest on, newest change first, with `corrections` (newest first) on each; two queries."""
    counted = Indicator.objects.published().filter(area__in=AreaPage.objects.child_of(plan))
    corrections = ResultHistory.objects.corrections().order_by("-changed_at", "-pk")
    return list(
        Result.objects.filter(is_demo=False, pk__in=counted.values("latest_result"))
        .select_related("indicator__area")
        .prefetch_related(Prefetch("history", queryset=corrections, to_attr="corrections"))
        .order_by("-updated_at", "-pk")[:limit]
    )
