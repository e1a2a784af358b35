from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = "Báo cáo định kỳ"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        import reports.public  # noqa: F401  (connects the report page to its presenter)
        import reports.signals  # noqa: F401  (the official periods of each plan year; state after a change)
