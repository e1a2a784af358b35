"""E-mails of the results review: reviewers hear of a submitted file, the editor
hears of the decision."""

from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.urls import reverse

from plan.editorial.links import absolute_url
from plan.editorial.roles import REVIEWERS


def reviewer_emails():
    users = get_user_model().objects.filter(is_active=True, groups__name=REVIEWERS).exclude(email="")
    return sorted(set(users.values_list("email", flat=True)))


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
    send_mail(
        f"[CCHC] Tệp {batch.file_name}: {decision}",
        f"Tệp kết quả {batch.file_name} {decision}.{outcome}{comment}",
        None,
        [batch.submitted_by.email],
    )
