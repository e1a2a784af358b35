"""Registers the reporting calendar with Wagtail's admin. The periods are changed by
administrators only: Wagtail's model permissions, which the administrators' group holds
and the reviewers' and editors' groups do not (plan.editorial.roles)."""

from wagtail.snippets.models import register_snippet

from reports.admin_views import ReportingPeriodViewSet

register_snippet(ReportingPeriodViewSet)
