"""Attach to tasks and indicators where each of their facts comes from
(plan/content/provenance.py), in two queries whatever their number: what load_plan
wrote (LoadRecord) and who published the live revision of each area or indicator.
What load_plan wrote may come with the objects' own query (`loaded_record`)."""

from django.db.models import OuterRef, Subquery, Value
from django.db.models.functions import Concat
from wagtail.models import Revision

from plan.content import codes
from plan.content.changes import snapshot
from plan.content.codes import indicator_key
from plan.content.provenance import INDICATOR_FACTS, TASK_FACTS, indicator_provenance, task_provenance
from plan.models import LoadRecord

TASK_M2M = ("coordinating_agencies",)
TASK_FIELDS = [f for fields in TASK_FACTS.values() for f in fields if f not in TASK_M2M]
INDICATOR_FIELDS = [f for fields in INDICATOR_FACTS.values() for f in fields]


def area_key(area):
    return codes.area_key(area.url_path)


def loaded_record(prefix, field):
    """An annotation: what load_plan wrote for the object whose key is `prefix` and
    the value of `field` (INDICATOR_KEY, "code"), or None."""
    key = Concat(Value(prefix), OuterRef(field))
    return Subquery(LoadRecord.objects.filter(key=key).values("values")[:1])


def loaded_records(keys):
    """{key: what load_plan wrote} for those of `keys` it wrote, in one query."""
    return dict(LoadRecord.objects.filter(key__in=keys).values_list("key", "values"))


def attach_provenance(tasks=(), indicators=(), loaded=None):
    """Set `.provenance` ({fact: Provenance}) on each task and indicator. Who published
    a change is read only for the objects an editor changed. `loaded`: {key: values}
    of every object when already read."""
    tasks, indicators = list(tasks), list(indicators)
    if not tasks and not indicators:
        return
    areas = {task.area_id: task.area for task in tasks}
    if loaded is None:
        keys = [area_key(area) for area in areas.values()] + [indicator_key(i.code) for i in indicators]
        loaded = loaded_records(keys)
    facts = []  # (object, rule, current, loaded, area number, revision id)
    for task in tasks:
        area = areas[task.area_id]
        loaded_tasks = {t["id"]: t for t in loaded.get(area_key(area), {}).get("tasks", [])}
        current = snapshot(task, TASK_FIELDS, TASK_M2M)
        facts.append((task, task_provenance, current, loaded_tasks.get(task.code), area.number, area.live_revision_id))
    for indicator in indicators:
        current = snapshot(indicator, INDICATOR_FIELDS)
        loaded_values = loaded.get(indicator_key(indicator.code))
        area_number = indicator.area.number
        facts.append((indicator, indicator_provenance, current, loaded_values, area_number, indicator.live_revision_id))
    editors = publishers([revision for _obj, _rule, current, was, _n, revision in facts if differs(current, was)])
    for obj, rule, current, was, number, revision in facts:
        editor, when = editors.get(revision, ("", None))
        obj.provenance = rule(current, was, number, obj.code, editor, when, obj.change_reason)


def differs(current, loaded):
    """True when some fact of an object is not what load_plan wrote (an editor's)."""
    return loaded is None or any(value != loaded.get(name) for name, value in current.items())


def publishers(revision_ids):
    """{revision pk: (who published it, when)}; no query when there is none to read."""
    revision_ids = [pk for pk in revision_ids if pk]
    if not revision_ids:
        return {}
    revisions = Revision.objects.filter(pk__in=revision_ids).select_related("user")
    return {revision.pk: (user_name(revision.user), revision.created_at) for revision in revisions}


def user_name(user):
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()
