"""Editorial roles as Wagtail groups, kept in step with the agencies, and the review
workflow. `sync_roles` is idempotent: run it after loading a plan or adding an
agency (the `sync_roles` command and the run script do).

- "Quản trị trang": every permission.
- "Người duyệt (Sở Nội vụ)": approves and publishes pages and indicators, manages
  every result and progress report, and the published figures of the indices.
- one "Biên tập – <cơ quan>" group per agency: drafts the areas its agency answers
  for, drafts its indicators, enters results for the indicators it is responsible
  for and progress for the tasks it leads, drafts its periodic reports. Object-level limits live in
  plan.editorial.access; the group only grants the kinds of action."""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowContentType,
    WorkflowPage,
    WorkflowTask,
)

from plan.editorial.naming import name_permissions, name_roots
from plan.models import Agency, AreaPage, Indicator, PlanIndexPage
from plan.vocabulary import AgencyKind
from reports.models import AgencyReport

ADMINS = "Quản trị trang"
REVIEWERS = "Người duyệt (Sở Nội vụ)"
EDITOR_PREFIX = "Biên tập – "
WORKFLOW_NAME = "Duyệt nội dung Kế hoạch CCHC"
REVIEW_TASK_NAME = "Sở Nội vụ duyệt và xuất bản"
# Agency kinds that edit: a "group" such as "các sở, ban, ngành" has no members.
EDITING_KINDS = (AgencyKind.DEPARTMENT, AgencyKind.PEOPLE_COMMITTEE, AgencyKind.SERVICE_CENTRE, AgencyKind.BANK)

EDITOR_PERMISSIONS = [
    ("wagtailadmin", "admin", "access_admin"),
    ("plan", "indicator", "change_indicator"),
    ("plan", "result", "add_result"),
    ("plan", "result", "change_result"),
    ("plan", "result", "view_result"),
    ("plan", "taskprogress", "add_taskprogress"),
    ("plan", "taskprogress", "change_taskprogress"),
    ("plan", "taskprogress", "view_taskprogress"),
    ("reports", "agencyreport", "add_agencyreport"),
    ("reports", "agencyreport", "change_agencyreport"),
    ("reports", "agencyreport", "view_agencyreport"),
]
REVIEWER_EXTRA = [
    ("reports", "agencyreport", "publish_agencyreport"),
    ("reports", "agencyreport", "delete_agencyreport"),
    ("plan", "indicator", "add_indicator"),
    ("plan", "indicator", "publish_indicator"),
    ("plan", "result", "delete_result"),
    ("plan", "taskprogress", "delete_taskprogress"),
    ("plan", "resultsource", "add_resultsource"),
    ("plan", "resultsource", "change_resultsource"),
    ("plan", "resultsource", "view_resultsource"),
    ("plan", "topic", "add_topic"),
    ("plan", "topic", "change_topic"),
    # What became of an agency (a merger, a new name), from the decision that did it.
    ("plan", "agencysuccession", "add_agencysuccession"),
    ("plan", "agencysuccession", "change_agencysuccession"),
    ("plan", "agencysuccession", "view_agencysuccession"),
    # The published figures of the indices (Sở Nội vụ follows them, section IV.2).
    ("indices", "indexfigure", "add_indexfigure"),
    ("indices", "indexfigure", "change_indexfigure"),
    ("indices", "indexfigure", "delete_indexfigure"),
    ("indices", "indexfigure", "view_indexfigure"),
]


def permissions(specs):
    found = []
    for app_label, _model, codename in specs:
        found.append(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    return found


def editor_group_name(agency):
    return f"{EDITOR_PREFIX}{agency.name}"[:150]


def grant_pages(group, page, kinds):
    for kind in kinds:
        GroupPagePermission.objects.get_or_create(
            group=group,
            page=page,
            permission=Permission.objects.get(
                content_type=ContentType.objects.get_for_model(Page), codename=f"{kind}_page"
            ),
        )


def sync_editor_group(agency):
    group, _ = Group.objects.get_or_create(name=editor_group_name(agency))
    if agency.editor_group_id != group.pk:
        agency.editor_group = group
        agency.save(update_fields=["editor_group"])
    group.permissions.set(permissions(EDITOR_PERMISSIONS))
    areas = set(AreaPage.objects.filter(answerable_agencies=agency).values_list("pk", flat=True))
    GroupPagePermission.objects.filter(group=group).exclude(page_id__in=areas).delete()
    for area in Page.objects.filter(pk__in=areas):
        grant_pages(group, area, ["add", "change", "lock", "unlock"])
    return group


def ensure_workflow(reviewers):
    task = GroupApprovalTask.objects.filter(name=REVIEW_TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=REVIEW_TASK_NAME)
    task.groups.set([reviewers])
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    for index in PlanIndexPage.objects.all():
        WorkflowPage.objects.update_or_create(page=index, defaults={"workflow": workflow})
    for model in (Indicator, AgencyReport):  # agencies' periodic reports go through the same review
        WorkflowContentType.objects.update_or_create(
            content_type=ContentType.objects.get_for_model(model), defaults={"workflow": workflow}
        )
    return workflow


@transaction.atomic
def sync_roles():
    # Wagtail's starter groups grant page rights on the whole tree; unused, they go.
    Group.objects.filter(name__in=["Editors", "Moderators"], user__isnull=True).delete()
    admins, _ = Group.objects.get_or_create(name=ADMINS)
    admins.permissions.set(Permission.objects.all())
    reviewers, _ = Group.objects.get_or_create(name=REVIEWERS)
    reviewers.permissions.set(permissions(EDITOR_PERMISSIONS + REVIEWER_EXTRA))
    for root in Page.objects.filter(depth=2):
        grant_pages(admins, root, ["add", "change", "publish", "bulk_delete", "lock", "unlock"])
        grant_pages(reviewers, root, ["add", "change", "publish", "lock", "unlock"])
    for agency in Agency.objects.filter(kind__in=EDITING_KINDS):
        sync_editor_group(agency)
    ensure_workflow(reviewers)
    name_permissions()
    name_roots()
