"""Progress updates ("Tin cập nhật"): news pages under a plan, linked to the tasks
and indicators they report on."""

from django.db import models
from django.utils import timezone
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from plan.models.presenting import PresentedPage
from plan.models.querysets import PublishedPageManager
from search.indexing import FoldedSearchText


class UpdatePage(PresentedPage, FoldedSearchText, Page):
    date = models.DateField("ngày đăng", default=timezone.localdate)
    summary = models.TextField("tóm tắt", max_length=500)
    body = RichTextField("nội dung", features=["h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"])
    tasks = ParentalManyToManyField("plan.Task", blank=True, related_name="updates", verbose_name="nhiệm vụ liên quan")
    indicators = ParentalManyToManyField(
        "plan.Indicator", blank=True, related_name="updates", verbose_name="chỉ tiêu liên quan"
    )

    objects = PublishedPageManager()

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("folded_search_text"),
    ]
    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("tasks"),
        FieldPanel("indicators"),
    ]
    parent_page_types = ["plan.PlanPage"]
    subpage_types = []

    class Meta:
        verbose_name = "tin cập nhật"
        verbose_name_plural = "tin cập nhật"
