"""The admin's edit forms of an area (with its tasks) and of an indicator, filled with
what is stored, so that a test changes only what it means to change."""

from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from plan.models import AreaPage, Indicator


def task_row(task, changes):
    row = {
        "id": task.pk,
        "code": task.code,
        "group": task.group,
        "text": task.text,
        "output": task.output,
        "lead_agency": task.lead_agency_id or "",
        "lead_agency_derived": "on" if task.lead_agency_derived else "",
        "coordinating_agencies": [a.pk for a in task.coordinating_agencies.all()],
        "coordinating_derived": "on" if task.coordinating_derived else "",
        "deadline_text": task.deadline_text,
        "due_date": task.due_date.isoformat() if task.due_date else "",
        "topics": [topic.pk for topic in task.topics.all()],
        "change_reason": task.change_reason,
    }
    row.update(changes.get(task.code, {}))
    return row


def area_edit_form(area: AreaPage, changes=None, action="action-publish"):
    """`changes`: {task code: {field: value}}."""
    tasks = [task_row(task, changes or {}) for task in area.tasks.all()]
    data = nested_form_data(
        {
            "title": area.title,
            "slug": area.slug,
            "number": area.number,
            "heading_as_written": area.heading_as_written,
            "par_component": area.par_component,
            "answerable_agencies": [a.pk for a in area.answerable_agencies.all()],
            "supporting_agencies": [a.pk for a in area.supporting_agencies.all()],
            "notes": streamfield([]),
            "tasks": inline_formset(tasks, initial=len(tasks)),
        }
    )
    data[action] = "1"
    return data


def indicator_edit_form(indicator: Indicator, **changes):
    data = {
        "code": indicator.code,
        "area": indicator.area_id,
        "bullet": indicator.bullet,
        "sort_order": indicator.sort_order,
        "original_wording": indicator.original_wording,
        "statement": indicator.statement,
        "metric": indicator.metric,
        "unit": indicator.unit,
        "comparator": indicator.comparator,
        "target_value": "" if indicator.target_value is None else str(indicator.target_value),
        "target_value_max": "" if indicator.target_value_max is None else str(indicator.target_value_max),
        "level": indicator.level,
        "responsible_agency": indicator.responsible_agency_id or "",
        "frequency": indicator.frequency,
        "public_source": indicator.public_source,
        "public_source_url": indicator.public_source_url,
        "topics": [topic.pk for topic in indicator.topics.all()],
        "change_reason": indicator.change_reason,
        "action-publish": "1",
    }
    data.update(changes)
    return data
