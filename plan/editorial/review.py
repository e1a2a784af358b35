"""E-mails of the results review: reviewers hear of a submitted file, the editor
hears of the decision; each links to the file's page.

On a fresh site nobody is in the reviewers' group yet: until someone with an e-mail
address is, the site's administrators (superusers and the "Quản trị trang" group) are the reviewers who hear of a
file, so that a file sent for review reaches someone. The dashboard says so
(`empty_review_groups`)."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.mail import send_mail
from django.db.models import Q
from django.urls import reverse
from wagtail.models import GroupApprovalTask

from plan.editorial.links import absolute_url
from plan.editorial.roles import ADMINS, REVIEWERS


def reachable(users):
    return users.filter(is_active=True).exclude(email="")


def reviewer_emails():
    users = get_user_model().objects
    named = reachable(users.filter(groups__name=REVIEWERS))
    if not named.exists():
        named = reachable(users.filter(Q(is_superuser=True) | Q(groups__name=ADMINS)))
    return sorted(set(named.values_list("email", flat=True)))


def empty_review_groups():
    """The groups that review (the results' reviewers and every group of an active
    approval step) with no active member who has an e-mail address."""
    groups = Group.objects.filter(name=REVIEWERS) | Group.objects.filter(
        pk__in=GroupApprovalTask.objects.filter(active=True).values("groups")
    )
    staffed = reachable(get_user_model().objects.filter(groups__in=groups)).values("groups")
    return list(groups.exclude(pk__in=staffed).distinct().order_by("name"))


def notify_reviewers(batch):
    to = reviewer_emails()
    if not to:
        return
    url = absolute_url(reverse("plan_results_review", args=[batch.pk]))
    submitter = batch.submitted_by.get_full_name() or batch.submitted_by.get_username()
    send_mail(
        f"[CCHC] Tệp kết quả chờ duyệt: {batch.file_name}",
        f"{submitter} đã gửi {batch.rows} dòng kết quả ({batch.new} mới, {batch.updated} cập nhật).\n"
        f"Xem và duyệt: {url}",
        None,
        to,
    )


def notify_submitter(batch):
    if not batch.submitted_by or not batch.submitted_by.email:
        return
    decision = batch.get_status_display().lower()
    comment = f"\nÝ kiến: {batch.review_comment}" if batch.review_comment else ""
    outcome = f"\n{batch.message}" if batch.message else ""  # what the import worker recorded
    url = absolute_url(reverse("plan_results_batch", args=[batch.pk]))
    send_mail(
        f"[CCHC] Tệp {batch.file_name}: {decision}",
        f"Tệp kết quả {batch.file_name} {decision}.{outcome}{comment}\nXem tệp: {url}",
        None,
        [batch.submitted_by.email],
    )
