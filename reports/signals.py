"""The official periods of each plan year are stored after `migrate` and when a plan is
published (those an administrator changed are kept); a changed period moves what is
due and late, so the indicators' stored state is worked out again. An agency's report
is marked sent when it goes for review (or is published), and its task lines become
progress reports when it is published (reports.publishing)."""

from django.db.models.signals import post_delete, post_migrate, post_save
from django.dispatch import receiver
from wagtail.signals import page_published, published, workflow_submitted

from plan.models import PlanPage
from plan.progress import state
from reports import freezing, publishing
from reports.models import AgencyReport, PeriodReportPage, ReportingPeriod, YearClose
from reports.periods import ensure_year


def ensure_plan_years():
    for year in set(PlanPage.objects.values_list("year", flat=True)):
        ensure_year(year)
        ensure_year(year + 1)  # the plan year's last figures go in the next year's first report


@receiver(post_migrate, dispatch_uid="reports-periods-after-migrate")
def periods_after_migrate(app_config, **kwargs):
    if app_config.label == "reports":
        ensure_plan_years()
        state.refresh_indicators()


@receiver(page_published, sender=PeriodReportPage, dispatch_uid="reports-report-page-published")
def freeze_published_report(instance, **kwargs):
    """A report's data is frozen when it is first published (reports.freezing)."""
    freezing.freeze(instance)


@receiver(page_published, sender=PlanPage, dispatch_uid="reports-periods-plan-published")
def periods_of_published_plan(instance, **kwargs):
    ensure_year(instance.year)
    ensure_year(instance.year + 1)


@receiver(post_save, sender=ReportingPeriod, dispatch_uid="reports-period-saved")
@receiver(post_delete, sender=ReportingPeriod, dispatch_uid="reports-period-deleted")
def state_after_period_change(**kwargs):
    state.refresh_indicators()


@receiver(workflow_submitted, dispatch_uid="reports-report-sent")
def report_sent_for_review(instance, **kwargs):
    """An agency's report sent for review counts as sent that moment."""
    report = instance.content_object
    if isinstance(report, AgencyReport):
        publishing.mark_sent(report)


@receiver(published, sender=AgencyReport, dispatch_uid="reports-report-published")
def report_published(instance, **kwargs):
    publishing.mark_sent(instance)
    instance.refresh_from_db(fields=["sent_at"])
    publishing.apply_published(instance, getattr(kwargs.get("revision"), "user", None))


@receiver(post_save, sender=YearClose, dispatch_uid="reports-year-closed")
@receiver(post_delete, sender=YearClose, dispatch_uid="reports-year-reopened")
def state_after_close(**kwargs):
    """A year closed (or opened again by an administrator): tasks show verdicts, or not."""
    state.refresh_tasks()
