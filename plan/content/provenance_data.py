"""Attach to tasks and indicators where each of their facts comes from
(plan/content/provenance.py), in two queries whatever their number: what load_plan
wrote (LoadRecord) and who published the live revision of each area or indicator."""

from wagtail.models import Revision

from plan.content.changes import snapshot
from plan.content.provenance import INDICATOR_FACTS, TASK_FACTS, indicator_provenance, task_provenance
from plan.models import LoadRecord

TASK_M2M = ("coordinating_agencies",)
TASK_FIELDS = [f for fields in TASK_FACTS.values() for f in fields if f not in TASK_M2M]
INDICATOR_FIELDS = [f for fields in INDICATOR_FACTS.values() for f in fields]


def area_key(area):
    return f"areapage:{area.url_path}"


def attach_provenance(tasks=(), indicators=()):
    """Set `.provenance` ({fact: Provenance}) on each task and indicator."""
    tasks, indicators = list(tasks), list(indicators)
    if not tasks and not indicators:
        return
    areas = {task.area_id: task.area for task in tasks}
    keys = [area_key(area) for area in areas.values()] + [f"indicator:{i.code}" for i in indicators]
    loaded = dict(LoadRecord.objects.filter(key__in=keys).values_list("key", "values"))
    revision_ids = [a.live_revision_id for a in areas.values()] + [i.live_revision_id for i in indicators]
    revisions = Revision.objects.filter(pk__in=[pk for pk in revision_ids if pk]).select_related("user")
    editors = {revision.pk: (user_name(revision.user), revision.created_at) for revision in revisions}
    for task in tasks:
        area = areas[task.area_id]
        loaded_tasks = {t["id"]: t for t in loaded.get(area_key(area), {}).get("tasks", [])}
        editor, when = editors.get(area.live_revision_id, ("", None))
        current = snapshot(task, TASK_FIELDS, TASK_M2M)
        task.provenance = task_provenance(current, loaded_tasks.get(task.code), area.number, task.code, editor, when)
    for indicator in indicators:
        editor, when = editors.get(indicator.live_revision_id, ("", None))
        current = snapshot(indicator, INDICATOR_FIELDS)
        indicator.provenance = indicator_provenance(
            current, loaded.get(f"indicator:{indicator.code}"), indicator.area.number, indicator.code, editor, when
        )


def user_name(user):
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()
