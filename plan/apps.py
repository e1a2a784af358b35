from django.apps import AppConfig


class PlanConfig(AppConfig):
    name = "plan"
    verbose_name = "Kế hoạch CCHC"
