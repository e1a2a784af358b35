from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page


class HomePage(Page):
    intro = models.TextField("giới thiệu", blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["plan.PlanIndexPage"]
    max_count = 1

    class Meta:
        verbose_name = "trang chủ"

    def get_context(self, request, *args, **kwargs):
        from plan.models import PlanPage

        context = super().get_context(request, *args, **kwargs)
        context["plans"] = PlanPage.objects.live().descendant_of(self).order_by("-year")
        return context
