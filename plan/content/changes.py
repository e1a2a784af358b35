"""Comparing an object with the values the data file gives, and writing only what
differs: loading the same file twice creates no page, record or revision. Objects are
compared as snapshots: plain JSON values of the fields the loader manages, so that
what was loaded can be kept (plan.models.LoadRecord) and compared later."""

import difflib
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


def changed_words(stored, wanted, context=4, longest=40):
    """Where two texts differ, as (stored, wanted) excerpts: the changed words marked
    «…», with `context` words either side and “…” for what is left out, so that two
    long texts that start alike show their difference, not the same first words.
    Values that are not text (numbers, lists) are compared as their text."""
    old = "" if stored is None else str(stored)
    new = "" if wanted is None else str(wanted)
    a, b = old.split(), new.split()
    opcodes = difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes()
    changes = [op for op in opcodes if op[0] != "equal"]
    if not changes:  # only spacing differs
        return excerpt_of(a, [], 0, len(a), longest), excerpt_of(b, [], 0, len(b), longest)
    return (
        excerpt_of(a, [(op[1], op[2]) for op in changes], changes[0][1] - context, changes[-1][2] + context, longest),
        excerpt_of(b, [(op[3], op[4]) for op in changes], changes[0][3] - context, changes[-1][4] + context, longest),
    )


def excerpt_of(words, marked, start, end, longest):
    start, end = max(start, 0), min(end, len(words))
    shown = []
    for index in range(start, end):
        word = words[index]
        if any(lo == index for lo, hi in marked if hi > lo):
            word = "«" + word
        if any(hi - 1 == index for lo, hi in marked if hi > lo):
            word += "»"
        shown.append(word)
    if not shown:
        shown = ["«»"]  # nothing here: the other side added words
    if len(shown) > longest:
        shown = shown[: longest // 2] + ["…"] + shown[-longest // 2 :]
    return ("… " if start > 0 else "") + " ".join(shown) + (" …" if end < len(words) else "")
