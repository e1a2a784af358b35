"""What the data file says each page holds, as setters: a setter writes the file's
values into a page (fields, many-to-many choices, child rows: the sections of a plan,
the tasks of an area) in memory, and describes a page as a snapshot of those same
things, so that the loader can compare the stored page with the file
(plan/content/loader.py)."""

from plan.content.changes import assign_changes, assign_m2m, snapshot, stream
from plan.models import ImplementationSection, Task
from plan.vocabulary import DocumentStatus

TASK_M2M = ("coordinating_agencies", "topics")


def assign_values(obj, fields, m2m):
    """Set an object's fields and many-to-many choices from the file, in memory."""
    assign_changes(obj, fields)
    for name, wanted in m2m.items():
        assign_m2m(obj, name, wanted)


def assign_rows(existing, wanted, new_row):
    """Child rows in the file's order: each existing row ({key: row}) updated in place
    (so what points at it keeps pointing at it), a new one made with new_row(key)."""
    rows = []
    for key, fields, m2m in wanted:
        row = existing.get(key) or new_row(key)
        assign_values(row, fields, m2m)
        rows.append(row)
    return rows


class Setter:
    """Sets a page's fields (and many-to-many choices, and child rows) from the file,
    and describes a page as a snapshot of those same things."""

    def __init__(self, fields, m2m=None, children=None):
        self.fields, self.m2m, self.children = fields, m2m or {}, children

    def describe(self, page):
        values = snapshot(page, self.fields, self.m2m)
        if self.children:
            values.update(self.children.describe(page))
        return values

    def __call__(self, page):
        assign_values(page, self.fields, self.m2m)
        if self.children:
            self.children.assign(page)
        return self.describe(page)


def fields_setter(values):
    return Setter(values)


def plan_setter(data, agencies):
    fields = {
        "title": data["title"],
        "document_kind": data["document_kind"],
        "document_status": data.get("document_status", DocumentStatus.DRAFT),
        "subtitle": data["subtitle"],
        "number": data["number"],
        "issuing_body": data["issuing_body"],
        "place": data["place"],
        "date_text": data["date_text"],
        "year": data["year"],
        "programme": data.get("programme", ""),
        "preamble": data["preamble"],
        "legal_basis": stream("document", data["legal_basis"]),
        "purpose": stream("item", data["purpose"]),
        "requirements": stream("item", data["requirements"]),
        "funding": stream("item", data["funding"]),
    }
    return Setter(fields, children=Sections(data["implementation"], agencies))


class Sections:
    """The numbered sub-sections of section IV, children of the plan page."""

    M2M = ("agencies", "addressed_agencies")

    def __init__(self, sections_data, agencies):
        self.wanted = [
            (
                item["number"],
                {"heading": item["heading"], "duties": stream("item", item["duties"]), "sort_order": n},
                {name: [agencies[code] for code in item.get(name, [])] for name in self.M2M},
            )
            for n, item in enumerate(sections_data)
        ]

    def describe(self, page):
        fields = ("heading", "duties", "sort_order")
        return {
            "sections": [
                {"id": section.number, **snapshot(section, fields, self.M2M)}
                for section in page.implementation_sections.all()
            ]
        }

    def assign(self, page):
        existing = {section.number: section for section in page.implementation_sections.all()}
        page.implementation_sections = assign_rows(
            existing, self.wanted, lambda number: ImplementationSection(number=number)
        )


def supporting_agencies_by_area(implementation):
    """Area number → agency codes that section IV asks to help answer for it."""
    supporting = {}
    for section in implementation:
        for number in section.get("coordinates_components", []):
            supporting.setdefault(number, []).extend(section["agencies"])
    return supporting


def area_setter(data, agencies, topics, supporting_codes):
    fields = {
        "title": data["title"],
        "number": data["number"],
        "heading_as_written": data["heading_as_written"],
        "par_component": data.get("par_component", ""),
        "notes": stream("item", data.get("notes", [])),
    }
    m2m = {
        "answerable_agencies": [agencies[c] for c in data["answerable_agencies"]],
        "supporting_agencies": [agencies[c] for c in supporting_codes],
    }
    return Setter(fields, m2m, children=Tasks(data["tasks"], agencies, topics))


class Tasks:
    """An area's tasks, children of the area page (published with it)."""

    def __init__(self, tasks_data, agencies, topics):
        self.wanted = [
            (
                item["code"],
                task_values(item, position, agencies),
                {
                    "coordinating_agencies": [agencies[c] for c in item.get("coordinating_agencies", [])],
                    "topics": [topics[s] for s in item.get("topics", [])],
                },
            )
            for position, item in enumerate(tasks_data)
        ]

    def describe(self, page):
        fields = list(self.wanted[0][1]) if self.wanted else ["text"]
        return {"tasks": [{"id": t.code, **snapshot(t, fields, TASK_M2M)} for t in page.tasks.all()]}

    def assign(self, page):
        existing = {task.code: task for task in page.tasks.all()} if page.pk else {}
        page.tasks = assign_rows(existing, self.wanted, lambda code: Task(code=code))


def task_values(item, position, agencies):
    return {
        "group": item.get("group", ""),
        "text": item["text"],
        "output": item.get("output", ""),
        "lead_agency": agencies.get(item["lead_agency"]) if item.get("lead_agency") else None,
        "lead_agency_derived": bool(item.get("lead_agency_derived")),
        "coordinating_derived": bool(item.get("coordinating_derived")),
        "deadline_text": item.get("deadline_text", ""),
        "due_date": item.get("due_date"),
        "sort_order": position,
    }
