from django.apps import AppConfig


class PlanConfig(AppConfig):
    name = "plan"
    verbose_name = "Kế hoạch CCHC"

    def ready(self):
        # Connects each page class to the presenter that gathers its context
        # (plan/models/presenting.py): models never import their presenters.
        import plan.progress.triggers  # noqa: F401  (stores the state of indicators and tasks when data changes)
        import plan.public.identity  # noqa: F401  (drops the cached identity when it changes)
        import plan.public.page_cache  # noqa: F401  (drops cached pages when what they show changes)
        import plan.public.presenters  # noqa: F401
        import plan.public.proxy  # noqa: F401  (purges the caching proxy of the pages that show a change)
