"""Whether `load_plan` may write an object: the admin is the source of truth once the
site runs. By default the loader creates what is missing and only reports what
differs; in update mode it applies the file to objects nobody has changed since they
were loaded (their state equals the LoadRecord, and no draft is pending), and to the
others only when forced, object by object."""

from dataclasses import dataclass, field

from plan.content.changes import differences
from plan.models import LoadRecord

CREATE, UPDATE = "create", "update"


@dataclass
class Difference:
    key: str
    fields: dict  # {field: [stored, in the file]}
    edited: bool  # changed in the admin since it was loaded (or never recorded)
    applied: bool


@dataclass
class LoadReport:
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    differences: list = field(default_factory=list)  # [Difference]

    @property
    def changed(self):
        return bool(self.created or self.updated)

    @property
    def kept(self):
        """Differences left as they are in the site."""
        return [d for d in self.differences if not d.applied]


class EditGuard:
    def __init__(self, report, mode=CREATE, force=()):
        self.report, self.mode, self.force = report, mode, set(force)
        self.records = {record.key: record for record in LoadRecord.objects.all()}

    def created(self, key, values):
        self.report.created.append(key)
        self.remember(key, values)

    def may_write(self, key, before, after, has_draft=False):
        """True when the file's values (after) should be written over the stored ones
        (before); the difference is reported either way."""
        record = self.records.get(key)
        if before == after:
            if record is None:
                self.remember(key, after)  # what an editor changes from now on is theirs
            return False
        edited = has_draft or record is None or record.values != before
        applied = self.mode == UPDATE and (not edited or key in self.force)
        self.report.differences.append(Difference(key, differences(before, after), edited, applied))
        if applied:
            self.report.updated.append(key)
            self.remember(key, after)
        return applied

    def remember(self, key, values):
        record = self.records.get(key) or LoadRecord(key=key)
        record.values = values
        record.save()
        self.records[key] = record
