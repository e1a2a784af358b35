"""Where the facts a page of results shows come from, as the tables mark them (* inferred,
† an editor's): read for the shown tasks and indicators only, in a fixed number of
queries (plan.content.provenance_data), since the candidates were read with the few
columns that ranking needs."""

from plan.content.provenance_data import INDICATOR_FIELDS, TASK_FIELDS, attach_provenance
from plan.models import Indicator, Task
from search import facets

# What the origins are worked out from (provenance_data's fields, the code, the reason
# for a change, the published revision), nothing more, in no particular order.
COLUMNS = ("id", "area_id", "code", "change_reason")
READS = {
    facets.TASK: lambda pks: Task.objects.filter(pk__in=pks).for_appendix().only(*COLUMNS, *TASK_FIELDS),
    facets.INDICATOR: lambda pks: (
        Indicator.objects.filter(pk__in=pks)
        .select_related("responsible_agency")
        .only(*COLUMNS, "live_revision_id", *INDICATOR_FIELDS)
    ),
}


def attach_origins(items):
    """Set `.origins` ({fact: Provenance}) on the tasks and indicators among `items`;
    no query for a kind none of them is."""
    shown, read = {}, {}
    for kind, query in READS.items():
        shown[kind] = {item.obj.pk: item for item in items if item.kind == kind}
        read[kind] = list(query(shown[kind]).order_by()) if shown[kind] else []
        for obj in read[kind]:
            obj.area = shown[kind][obj.pk].area  # the search's own, read once for every search
    attach_provenance(read[facets.TASK], read[facets.INDICATOR])
    for kind, objects in read.items():
        for obj in objects:
            shown[kind][obj.pk].origins = obj.provenance
