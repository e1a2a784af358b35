"""When the stored state of indicators and tasks (plan/progress/state.py) is worked out
again: after a figure or a progress report is saved or deleted one at a time (an entry
or a correction in the admin; imports, syncs and the demo load refresh in their own
transaction), after a task or an indicator is saved, and after an area, a plan or an
indicator is published (a new target, deadline or plan year; a revision also brings
back the state it was saved with). A QuerySet.update() sends no signal: its caller
refreshes (refresh_progress does it for everything). And after `migrate`."""

from django.db.models.signals import post_delete, post_migrate, post_save
from django.dispatch import receiver
from wagtail.signals import page_published, published

from plan.models import AreaPage, Indicator, PlanPage, Result, Task, TaskProgress
from plan.progress import state


@receiver(post_migrate, dispatch_uid="state-after-migrate")
def refresh_after_migrate(app_config, **kwargs):
    """After `migrate`: an upgraded site stores the state of what it already holds."""
    if app_config.label == "plan":
        state.refresh_all()


@receiver(post_save, sender=Result, dispatch_uid="state-result-saved")
@receiver(post_delete, sender=Result, dispatch_uid="state-result-deleted")
def refresh_indicator_of_result(instance, **kwargs):
    state.refresh_indicators([instance.indicator_id])


@receiver(post_save, sender=TaskProgress, dispatch_uid="state-report-saved")
@receiver(post_delete, sender=TaskProgress, dispatch_uid="state-report-deleted")
def refresh_task_of_report(instance, **kwargs):
    if instance.task_id is not None:
        state.refresh_tasks([instance.task_id])


@receiver(post_save, sender=Indicator, dispatch_uid="state-indicator-saved")
def refresh_saved_indicator(instance, **kwargs):
    """An indicator saved directly (a command, a shell, a revision being published)."""
    state.refresh_indicators([instance.pk])


@receiver(post_save, sender=Task, dispatch_uid="state-task-saved")
def refresh_saved_task(instance, **kwargs):
    state.refresh_tasks([instance.pk])


@receiver(page_published, dispatch_uid="state-page-published")
def refresh_published_page(instance, **kwargs):
    if isinstance(instance, AreaPage | PlanPage):
        state.refresh_under(instance)


@receiver(published, sender=Indicator, dispatch_uid="state-indicator-published")
def refresh_published_indicator(instance, **kwargs):
    state.refresh_indicators([instance.pk])
