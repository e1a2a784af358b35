from django.apps import AppConfig


class IndicesConfig(AppConfig):
    name = "indices"
    verbose_name = "Chỉ số đánh giá"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        import indices.signals  # noqa: F401  (drops cached pages when a figure changes)
