"""The reform areas of section II as Wagtail pages, each holding its tasks as ordered
children (so that a task is published and revised with its area); the area's
indicators are snippets that point here (plan/models/indicators.py)."""

from django.db import models
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.contrib.routable_page.models import path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from plan.content.codes import code_from_url, code_to_url
from plan.models.forms import AreaPageForm
from plan.models.pages import TEXT_ITEMS, UpdateFeedsMixin
from plan.models.presenting import PresentedPage
from plan.models.querysets import PublishedPageManager, TaskQuerySet
from plan.progress.rules import status_view
from plan.vocabulary import TaskStatus
from search.indexing import FoldedSearchText


class TaskInlinePanel(InlinePanel):
    """The area's tasks, each panel titled by the task's code ("3.4") rather than its
    position, and reachable at #nhiem-vu-<code> (the admin's task list links there)."""

    class BoundPanel(InlinePanel.BoundPanel):
        template_name = "plan/admin/task_inline_panel.html"


class AreaPage(PresentedPage, UpdateFeedsMixin, FoldedSearchText, Page):
    """One of the eight reform areas of section II, with its tasks."""

    number = models.PositiveSmallIntegerField("số thứ tự trong mục II")
    heading_as_written = models.CharField("tiêu đề như văn bản ghi", max_length=255)
    par_component = models.CharField("chỉ số thành phần PAR INDEX", max_length=255, blank=True)
    answerable_agencies = ParentalManyToManyField(
        "plan.Agency",
        blank=True,
        related_name="answerable_areas",
        verbose_name="cơ quan chịu trách nhiệm (mục IV)",
    )
    supporting_agencies = ParentalManyToManyField(
        "plan.Agency",
        blank=True,
        related_name="supported_areas",
        verbose_name="cơ quan phối hợp theo dõi (mục IV)",
    )
    notes = StreamField(TEXT_ITEMS, verbose_name="ghi chú trong văn bản", blank=True)

    objects = PublishedPageManager()

    search_fields = Page.search_fields + [
        index.SearchField("heading_as_written"),
        index.SearchField("folded_search_text"),
        index.AutocompleteField("folded_search_text"),
    ]

    content_panels = Page.content_panels + [
        FieldPanel("number"),
        FieldPanel("heading_as_written"),
        FieldPanel("par_component"),
        FieldPanel("answerable_agencies"),
        FieldPanel("supporting_agencies"),
        FieldPanel("notes"),
        TaskInlinePanel("tasks", heading="Nhiệm vụ", label="nhiệm vụ"),
    ]

    base_form_class = AreaPageForm
    parent_page_types = ["plan.PlanPage"]
    subpage_types = []

    class Meta:
        verbose_name = "lĩnh vực cải cách"

    def task_url(self, code, request=None):
        return self.get_url(request) + self.reverse_subpage("task_detail", args=[code_to_url(code)])

    def indicator_url(self, code, request=None):
        return self.get_url(request) + self.reverse_subpage("indicator_detail", args=[code_to_url(code)])

    def get_sitemap_urls(self, request=None):
        """The area, and the page of each of its tasks and published indicators."""
        area = super().get_sitemap_urls(request)
        base, lastmod = area[0]["location"], area[0]["lastmod"]
        codes = [("task_detail", c) for c in self.tasks.values_list("code", flat=True)] + [
            ("indicator_detail", c) for c in self.indicators.filter(live=True).values_list("code", flat=True)
        ]
        return area + [
            {"location": base + self.reverse_subpage(route, args=[code_to_url(code)]), "lastmod": lastmod}
            for route, code in codes
        ]

    @path("")
    def area(self, request):
        return self.render(request)

    @path("nhiem-vu/<slug:url_code>/")
    def task_detail(self, request, url_code):
        return self.present(request).task_page(code_from_url(url_code))

    @path("chi-tieu/<slug:url_code>/")
    def indicator_detail(self, request, url_code):
        return self.present(request).indicator_page(code_from_url(url_code))


class Task(FoldedSearchText, index.Indexed, ClusterableModel, Orderable):
    """A task ("nhiệm vụ") of an area, published and revised with its area page."""

    area = ParentalKey(AreaPage, on_delete=models.CASCADE, related_name="tasks", verbose_name="lĩnh vực")
    code = models.CharField("mã", max_length=20, help_text="Mã ổn định, ví dụ “3.4”.")
    group = models.CharField("nhóm nhiệm vụ", max_length=255, blank=True)
    text = models.TextField("nội dung")
    output = models.TextField("sản phẩm", blank=True)
    lead_agency = models.ForeignKey(
        "plan.Agency",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="led_tasks",
        verbose_name="cơ quan chủ trì",
    )
    lead_agency_derived = models.BooleanField(
        "chủ trì suy ra từ mục IV",
        default=False,
        help_text=(
            "Đánh dấu khi nhiệm vụ không nêu cơ quan chủ trì và cơ quan này được xác định theo mục IV của Kế hoạch."
        ),
    )
    coordinating_agencies = ParentalManyToManyField(
        "plan.Agency", blank=True, related_name="coordinated_tasks", verbose_name="cơ quan phối hợp"
    )
    coordinating_derived = models.BooleanField("phối hợp suy ra từ mục IV", default=False)
    deadline_text = models.CharField("thời gian hoàn thành (như văn bản ghi)", max_length=120, blank=True)
    due_date = models.DateField("hạn hoàn thành (chuẩn hóa)", null=True, blank=True)
    topics = ParentalManyToManyField("plan.Topic", blank=True, related_name="tasks", verbose_name="chủ đề")
    predecessor = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="successors",
        verbose_name="nhiệm vụ năm trước",
        help_text="Nhiệm vụ của kế hoạch năm trước mà nhiệm vụ này tiếp nối.",
    )
    change_reason = models.TextField(
        "lý do khác nguyên văn Kế hoạch",
        blank=True,
        help_text=(
            "Bắt buộc khi nội dung, sản phẩm, cơ quan hoặc thời gian hoàn thành khác nguyên văn Kế hoạch. "
            "Lý do được công khai bên cạnh nội dung đã sửa."
        ),
    )

    # The task's current state, worked out by the progress rules and stored when a report,
    # the deadline or the date changes (plan.progress.state). Not edited by hand.
    status = models.CharField(
        "tiến độ", max_length=16, choices=TaskStatus.choices, default=TaskStatus.NO_DATA, editable=False
    )
    latest_report = models.ForeignKey(
        "plan.TaskProgress",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="báo cáo tiến độ mới nhất",
    )

    objects = TaskQuerySet.as_manager()

    search_fields = [
        index.SearchField("code"),
        index.SearchField("text"),
        index.SearchField("output"),
        index.SearchField("folded_search_text"),
        index.AutocompleteField("folded_search_text"),
        index.FilterField("area"),
    ]

    panels = [
        FieldPanel("code"),
        FieldPanel("group"),
        FieldPanel("text"),
        FieldPanel("output"),
        FieldPanel("lead_agency"),
        FieldPanel("lead_agency_derived"),
        FieldPanel("coordinating_agencies"),
        FieldPanel("coordinating_derived"),
        FieldPanel("deadline_text"),
        FieldPanel("due_date"),
        FieldPanel("topics"),
        FieldPanel("predecessor"),
        FieldPanel("change_reason"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "nhiệm vụ"
        verbose_name_plural = "nhiệm vụ"
        indexes = [models.Index(fields=["area", "status"], name="task_area_status")]

    def __str__(self):
        return f"{self.code} {self.text[:80]}"

    @property
    def status_view(self):
        return status_view(self.status)

    @property
    def url_code(self):
        return code_to_url(self.code)

    def get_url(self, request=None):
        return self.area.task_url(self.code, request)
