"""The reads of index figures that pages make, each one query: an index's figures, the
latest published score of PAR INDEX components (area and agency pages), the latest
figure of each of the plan's four indices (home page)."""

from indices.catalogue import HOME_UNIT, PLAN_INDICES, IndexCode, Level
from indices.models import IndexFigure


def figures_of(code):
    return list(IndexFigure.objects.of_index(code).in_order())


def latest_component_figures(components):
    """{component name: its latest published PAR INDEX figure for the province, or
    None when none was found}, in one query."""
    names = [name for name in components if name]
    found = dict.fromkeys(names)
    figures = IndexFigure.objects.filter(
        index=IndexCode.PAR_INDEX, unit=HOME_UNIT, level=Level.COMPONENT, measure__in=names
    ).order_by("measure", "-year", "pk")
    for figure in figures:
        if found.get(figure.measure) is None:
            found[figure.measure] = figure
    return found


def latest_totals():
    """[(IndexInfo, latest figure of the province's total or None)] for the plan's four
    indices, in one query: the newest year with a published figure (value, rank or tier)."""
    latest = {}
    figures = IndexFigure.objects.filter(
        index__in=[info.code for info in PLAN_INDICES], unit=HOME_UNIT, level=Level.TOTAL
    ).order_by("index", "-year", "pk")
    for figure in figures:
        latest.setdefault(figure.index, figure)
    return [(info, latest.get(info.code)) for info in PLAN_INDICES]
