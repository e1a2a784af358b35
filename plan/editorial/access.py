"""Who may change what: an agency's editors work on their own agency's indicators,
results, tasks and task progress only; reviewers and administrators on everything.

One mechanism holds everywhere: the `editable_*` querysets below. Every admin screen
reads them — the snippet permission policy (`AgencyScopedPolicy`, which Wagtail's
listings, choosers, buttons and instance views ask), the modeladmin permission helper
(`AgencyScopedPermissionHelper`), the form fields' choices, the import, the
reports, Wagtail's own reports, bulk actions and page chooser (`reachable_pks`,
`within_scope`, `choosable_pages`) — so a screen that shows or saves an object of
another agency has no query to find it with. Figures typed in by hand follow the same review as files: only
reviewers enter or change a result by hand (`may_enter_results_by_hand`); an agency's
editor sends figures as a file, which a reviewer approves."""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import BadRequest, PermissionDenied
from django.db.models import CharField, F, Q
from django.db.models.functions import Cast
from django.http import Http404, HttpResponseForbidden
from wagtail.models import Page
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import page_permission_policy
from wagtail_modeladmin.helpers import PermissionHelper

from plan.content.continuity import answered_for
from plan.editorial.roles import ADMINS, REVIEWERS
from plan.models import Agency, Indicator, Result, Task, TaskProgress
from reports.models import AgencyReport


def is_reviewer(user):
    # Asked once per row by the listings' buttons: remembered on the user object,
    # which lives for one request.
    if not hasattr(user, "_cchc_is_reviewer"):
        user._cchc_is_reviewer = user.is_active and (
            user.is_superuser or user.groups.filter(name__in=[ADMINS, REVIEWERS]).exists()
        )
    return user._cchc_is_reviewer


def user_agencies(user):
    """The agencies whose tasks and indicators the user reports on: their own, and
    those their agency succeeded (a merged department's tasks are reported by the
    department it joined; plan.content.continuity)."""
    own = Agency.objects.filter(editor_group__in=user.groups.all())
    return Agency.objects.filter(pk__in=answered_for(own))


def editable_indicators(user):
    if is_reviewer(user):
        return Indicator.objects.all()
    return Indicator.objects.filter(responsible_agency__in=user_agencies(user))


def editable_tasks(user):
    if is_reviewer(user):
        return Task.objects.all()
    return Task.objects.filter(lead_agency__in=user_agencies(user))


def editable_results(user):
    return Result.objects.filter(indicator__in=editable_indicators(user))


def editable_progress(user):
    if is_reviewer(user):
        return TaskProgress.objects.all()
    return TaskProgress.objects.filter(task__in=editable_tasks(user))


def editable_agency_reports(user):
    if is_reviewer(user):
        return AgencyReport.objects.all()
    return AgencyReport.objects.filter(agency__in=user_agencies(user))


SCOPES = {
    AgencyReport: editable_agency_reports,
    Indicator: editable_indicators,
    Task: editable_tasks,
    Result: editable_results,
    TaskProgress: editable_progress,
}


def reachable_pks(user, model):
    """The ids of the objects of `model` the user may see in the admin: for pages,
    Wagtail's explorable pages (those they may act on and their ancestors); for a
    scoped model, its `editable_*` queryset. None means every object."""
    if is_reviewer(user):
        return None
    if issubclass(model, Page):
        return set(page_permission_policy.explorable_instances(user).values_list("pk", flat=True))
    if model in SCOPES:
        return set(SCOPES[model](user).values_list("pk", flat=True))
    return None


def choosable_pages(user, pages):
    """The pages a chooser offers: those the user sees in the admin, and other
    published pages whose pending draft (if any) keeps the published title, since
    the admin names a page by its draft title."""
    reachable = reachable_pks(user, Page)
    if reachable is None:
        return pages
    # A list of ids: the chooser's search backend filters on ids, not on titles.
    offered = Page.objects.filter(Q(live=True, draft_title=F("title")) | Q(pk__in=reachable))
    return pages.filter(pk__in=list(offered.values_list("pk", flat=True)))


def within_scope(user, rows, prefix=""):
    """Rows that name an object by content type and id (log entries, workflow
    states), without those naming an object of a scoped model outside the user's
    scope. `prefix` reaches those fields through a relation ("workflow_state__")."""
    names_objects = prefix or any(field.name == "object_id" for field in rows.model._meta.fields)
    if is_reviewer(user) or not names_objects:  # a page's log entry names it by a key of its own
        return rows
    for model, scope in SCOPES.items():
        ids = scope(user).values_list(Cast("pk", output_field=CharField()), flat=True)
        rows = rows.exclude(
            Q(**{f"{prefix}content_type": ContentType.objects.get_for_model(model)})
            & ~Q(**{f"{prefix}object_id__in": ids})
        )
    return rows


def may_enter_results_by_hand(user):
    """The one rule for figures: what an agency's editor provides is reviewed before it
    is public. Files go through the review of plan/editorial/admin/imports.py; by hand,
    only reviewers (whose own files are imported at once, too) enter figures."""
    return is_reviewer(user)


def checked_pk(value):
    """An object id from a URL: ASCII digits only (str.isdigit accepts “²”), else 400."""
    value = str(value)
    if not (value.isascii() and value.isdecimal()) or len(value) > 18:
        raise BadRequest("Mã đối tượng không hợp lệ.")
    return int(value)


def in_scope(user, instance):
    model = instance._meta.concrete_model
    if model not in SCOPES or instance.pk is None or is_reviewer(user):
        return True
    remembered = user.__dict__.setdefault("_cchc_scope_pks", {})
    if model not in remembered:
        remembered[model] = set(SCOPES[model](user).values_list("pk", flat=True))
    return instance.pk in remembered[model]


def scoped_object(user, model, pk):
    """The object `pk` of `model` if `user` may reach it: 400 for an odd id, 404 for
    none, 403 for another agency's."""
    pk = checked_pk(pk)
    instance = SCOPES[model](user).filter(pk=pk).first()
    if instance is None:
        if model._default_manager.filter(pk=pk).exists():
            raise PermissionDenied
        raise Http404("Không tìm thấy.")
    return instance


def refused_or_none(request, model, pk):
    """None when the user may reach object `pk` of `model`, else the answer: 400, 403
    or 404. An answer rather than an exception, since Wagtail's admin turns a
    PermissionDenied raised in its views into a redirect to the dashboard."""
    try:
        scoped_object(request.user, model, pk)
    except PermissionDenied:
        return HttpResponseForbidden("Bạn không có quyền truy cập mục này.", content_type="text/plain; charset=utf-8")
    return None


class AgencyScopedPolicy(ModelPermissionPolicy):
    """Wagtail's model permissions, narrowed to the objects of the user's agency."""

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and in_scope(user, instance)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return self.user_has_any_permission(user, actions) and in_scope(user, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return self.model._default_manager.none()
        return SCOPES[self.model](user)


class AgencyScopedPermissionHelper(PermissionHelper):
    """modeladmin's permission helper with the same agency scope, and the rule that
    only reviewers type in figures (`may_enter_results_by_hand`)."""

    def by_hand_allowed(self, user):
        return self.model is not Result or may_enter_results_by_hand(user)

    def user_can_create(self, user):
        return super().user_can_create(user) and self.by_hand_allowed(user)

    def user_can_inspect_obj(self, user, obj):
        return super().user_can_inspect_obj(user, obj) and in_scope(user, obj)

    def user_can_edit_obj(self, user, obj):
        return super().user_can_edit_obj(user, obj) and self.by_hand_allowed(user) and in_scope(user, obj)

    def user_can_delete_obj(self, user, obj):
        return super().user_can_delete_obj(user, obj) and in_scope(user, obj)


def editable_area_ids(user):
    """The ids of the area pages the user may edit (Wagtail's page permissions): where
    a task's panel opens for them."""
    return set(page_permission_policy.instances_user_has_permission_for(user, "change").values_list("pk", flat=True))


def may_edit_task(user, task):
    return user.is_active and task.area_id in editable_area_ids(user)


def may_edit_indicator(user, indicator):
    return (
        user.is_active
        and editable_indicators(user).filter(pk=indicator.pk).exists()
        and user.has_perm("plan.change_indicator")
    )
