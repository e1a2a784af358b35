"""Comparing an object with the values the data file gives, and writing only what
differs: loading the same file twice creates no page, record or revision. Objects are
compared as snapshots: plain JSON values of the fields the loader manages, so that
what was loaded can be kept (plan.models.LoadRecord) and compared later."""

from datetime import date
from decimal import Decimal

from django.db import models


def assign_changes(obj, values):
    """Set the attributes that differ; return True if any did."""
    changed = False
    for name, value in values.items():
        if current_value(obj, name) != value:
            setattr(obj, name, value)
            changed = True
    return changed


def current_value(obj, name):
    value = getattr(obj, name)
    if hasattr(value, "raw_data"):  # StreamField: compare as a list of (type, text)
        return [(block.block_type, block.value) for block in value]
    return value


def stream(block_type, texts):
    return [(block_type, text) for text in texts]


def assign_m2m(obj, name, wanted):
    """Set a (parental) many-to-many field, in memory until the object is saved."""
    manager = getattr(obj, name)
    current = {item.pk for item in manager.all()} if obj.pk else set()
    if obj.pk and current == {item.pk for item in wanted}:
        return
    manager.set(wanted)


def plain(value):
    """A value as JSON: a related object by its code or slug, decimals and dates as
    text, StreamField blocks as [type, text] pairs."""
    if isinstance(value, models.Model):
        return getattr(value, "code", None) or getattr(value, "slug", None) or value.pk
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, date):
        return value.isoformat()
    if hasattr(value, "raw_data"):
        return [[block.block_type, str(block.value)] for block in value]
    if isinstance(value, (list, tuple)):
        return [plain(item) for item in value]
    return value


def snapshot(obj, fields, m2m=()):
    """{field: plain value} of the object as it is now (saved or only in memory)."""
    values = {name: plain(getattr(obj, name)) for name in fields}
    for name in m2m:
        values[name] = sorted(plain(item) for item in getattr(obj, name).all())
    return values


def differences(before, after):
    """{field: [before, after]} for the fields that differ; the children kept in a
    list (tasks of an area, sections of a plan) are compared one by one, by code."""
    found = {}
    for name in sorted(set(before) | set(after)):
        old, new = before.get(name), after.get(name)
        if old == new:
            continue
        if is_children(old) and is_children(new):
            found.update(child_differences(name, old, new))
        else:
            found[name] = [old, new]
    return found


def is_children(value):
    return isinstance(value, list) and all(isinstance(item, dict) and "id" in item for item in value)


def child_differences(name, old, new):
    old_by_id, new_by_id = {c["id"]: c for c in old}, {c["id"]: c for c in new}
    found = {}
    for child_id in list(dict.fromkeys([*old_by_id, *new_by_id])):
        was, now = old_by_id.get(child_id), new_by_id.get(child_id)
        if was is None or now is None:
            found[f"{name} {child_id}"] = [was and "có", now and "có"]
            continue
        for field, pair in differences(was, now).items():
            found[f"{name} {child_id} · {field}"] = pair
    return found
