from django.db import models
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from plan.models.child_pages import UsualChildRoute
from plan.models.presenting import PresentedPage


class HomePage(PresentedPage, UsualChildRoute):
    """The site's root page."""

    intro = models.TextField("giới thiệu", blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["plan.PlanIndexPage"]
    max_count = 1

    class Meta:
        verbose_name = "trang chủ"
