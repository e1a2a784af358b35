"""What an agency's report does when it is sent and published: the time it was first
sent is kept (lateness is judged by it), and each task line becomes the task's
progress report, so the task's status on the site follows the reviewed report. A line
published again updates its own progress report; nothing an editor entered elsewhere
is changed."""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from wagtail.models import WorkflowState

from plan.models import TaskProgress
from plan.progress import state
from reports.models import AgencyReport, PublishedProgress


def first_sent(report):
    """When `report` first went for review (Wagtail's workflow states), or None."""
    states = WorkflowState.objects.filter(
        base_content_type=ContentType.objects.get_for_model(AgencyReport), object_id=str(report.pk)
    )
    return states.order_by("created_at").values_list("created_at", flat=True).first()


def mark_sent(report):
    """Keep the first time `report` was sent (for review, or published by a reviewer).
    Worked out from the workflow's record rather than the field alone, since publishing
    a revision brings back the field as it was when the revision was saved."""
    sent = first_sent(report) or report.sent_at or timezone.now()
    AgencyReport.objects.filter(pk=report.pk).update(sent_at=sent)


@transaction.atomic
def apply_published(report, user=None):
    """The published report's task lines as progress reports of their tasks."""
    reported_on = min(report.period.data_to, timezone.localdate())
    tasks = []
    published = {link.task_id: link.progress for link in PublishedProgress.objects.filter(report=report)}
    for line in report.task_lines.select_related("task"):
        values = {
            "task": line.task,
            "task_code": line.task.code,
            "status": line.status,
            "note": line.done,
            "evidence_url": (line.evidence_links or [""])[0][:500],
            "reported_on": reported_on,
            "is_demo": report.is_demo,
        }
        progress = published.get(line.task_id)
        if progress is None:
            progress = TaskProgress.objects.create(entered_by=user, **values)
            PublishedProgress.objects.create(report=report, task=line.task, progress=progress)
        else:
            for field, value in values.items():
                setattr(progress, field, value)
            progress.save()
        tasks.append(line.task_id)
    state.refresh_tasks(tasks)
    return len(tasks)
