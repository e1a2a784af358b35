"""The plan as Wagtail pages: an index of plans, one page per plan document, one page
per reform area (holding the area's tasks as ordered children) and the appendix."""

from django.db import models
from django.http import Http404
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from plan import queries
from plan.codes import code_from_url, code_to_url

TEXT_ITEMS = [("item", blocks.TextBlock(label="Đoạn"))]


class PlanIndexPage(Page):
    intro = models.TextField("giới thiệu", blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["plan.PlanPage"]
    max_count = 1

    class Meta:
        verbose_name = "danh sách kế hoạch"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["plans"] = PlanPage.objects.child_of(self).live().order_by("-year")
        return context


class UpdateFeedsMixin(RoutablePageMixin):
    """RSS and Atom feeds of the progress updates about this page."""

    @path("tin-cap-nhat/rss/")
    def updates_rss(self, request):
        from plan.feeds import UpdatesRssFeed

        return UpdatesRssFeed()(request, page=self)

    @path("tin-cap-nhat/atom/")
    def updates_atom(self, request):
        from plan.feeds import UpdatesAtomFeed

        return UpdatesAtomFeed()(request, page=self)


class PlanPage(UpdateFeedsMixin, Page):
    """One plan document. Its heading, legal basis and sections I, III and IV are
    structured fields; section II lives in the AreaPage children."""

    document_kind = models.CharField("loại văn bản", max_length=60, default="KẾ HOẠCH")
    subtitle = models.CharField("trích yếu", max_length=255)
    number = models.CharField("số, ký hiệu", max_length=60, blank=True, help_text="Như trong văn bản, ví dụ “/KH-UBND”.")
    issuing_body = models.CharField("cơ quan ban hành", max_length=255)
    place = models.CharField("địa danh", max_length=120)
    date_text = models.CharField("ngày tháng (như văn bản ghi)", max_length=120, blank=True)
    issued_on = models.DateField("ngày ban hành", null=True, blank=True)
    year = models.PositiveSmallIntegerField("năm kế hoạch")
    preamble = models.TextField("phần mở đầu")
    legal_basis = StreamField(
        [("document", blocks.TextBlock(label="Văn bản"))], verbose_name="căn cứ", blank=True
    )
    purpose = StreamField(TEXT_ITEMS, verbose_name="I.1. Mục đích", blank=True)
    requirements = StreamField(TEXT_ITEMS, verbose_name="I.2. Yêu cầu", blank=True)
    funding = StreamField(TEXT_ITEMS, verbose_name="III. Kinh phí", blank=True)

    search_fields = Page.search_fields + [
        index.SearchField("subtitle"),
        index.SearchField("preamble"),
        index.SearchField("purpose"),
        index.SearchField("requirements"),
        index.SearchField("folded_search_text"),
    ]

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("document_kind"),
                FieldPanel("subtitle"),
                FieldPanel("number"),
                FieldPanel("issuing_body"),
                FieldPanel("place"),
                FieldPanel("date_text"),
                FieldPanel("issued_on"),
                FieldPanel("year"),
            ],
            heading="Thể thức văn bản",
        ),
        FieldPanel("preamble"),
        FieldPanel("legal_basis"),
        FieldPanel("purpose"),
        FieldPanel("requirements"),
        FieldPanel("funding"),
        InlinePanel("implementation_sections", heading="IV. Tổ chức thực hiện", label="mục"),
    ]

    parent_page_types = ["plan.PlanIndexPage"]
    subpage_types = ["plan.AreaPage", "plan.AppendixPage", "plan.UpdatePage"]

    class Meta:
        verbose_name = "kế hoạch"

    def folded_search_text(self):
        """The searchable text without diacritics (see search/indexing.py)."""
        from search.indexing import folded_search_text

        return folded_search_text(self)

    @path("")
    def document(self, request):
        return self.render(request)

    @path("tien-do/")
    def progress_dashboard(self, request):
        from plan.progress_views import plan_dashboard

        return plan_dashboard(request, self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        from plan.feeds import updates_for

        context["areas"] = queries.areas_with_counts(self)
        context["updates"] = updates_for(self)[:10]
        context["revisions"] = queries.published_revisions(self)
        context["appendix"] = AppendixPage.objects.child_of(self).live().first()
        context["implementation_sections"] = queries.implementation_sections(self)
        return context


class ImplementationSection(ClusterableModel, Orderable):
    """A numbered sub-section of section IV: the duties of one agency or group."""

    page = ParentalKey(PlanPage, on_delete=models.CASCADE, related_name="implementation_sections")
    number = models.PositiveSmallIntegerField("số thứ tự")
    heading = models.CharField("tiêu đề", max_length=255)
    agencies = ParentalManyToManyField("plan.Agency", blank=True, related_name="implementation_sections", verbose_name="cơ quan")
    duties = StreamField(TEXT_ITEMS, verbose_name="nhiệm vụ được giao", blank=True)

    panels = [FieldPanel("number"), FieldPanel("heading"), FieldPanel("agencies"), FieldPanel("duties")]

    class Meta(Orderable.Meta):
        verbose_name = "mục tổ chức thực hiện"

    def __str__(self):
        return f"{self.number}. {self.heading}"


class AreaPage(UpdateFeedsMixin, Page):
    """One of the eight reform areas of section II, with its tasks; its indicators
    are snippets that point here."""

    number = models.PositiveSmallIntegerField("số thứ tự trong mục II")
    heading_as_written = models.CharField("tiêu đề như văn bản ghi", max_length=255)
    par_component = models.CharField("chỉ số thành phần PAR INDEX", max_length=255, blank=True)
    answerable_agencies = ParentalManyToManyField(
        "plan.Agency", blank=True, related_name="answerable_areas",
        verbose_name="cơ quan chịu trách nhiệm (mục IV)",
    )
    supporting_agencies = ParentalManyToManyField(
        "plan.Agency", blank=True, related_name="supported_areas",
        verbose_name="cơ quan phối hợp theo dõi (mục IV)",
    )
    notes = StreamField(TEXT_ITEMS, verbose_name="ghi chú trong văn bản", blank=True)

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
        InlinePanel("tasks", heading="Nhiệm vụ", label="nhiệm vụ"),
    ]

    parent_page_types = ["plan.PlanPage"]
    subpage_types = []

    class Meta:
        verbose_name = "lĩnh vực cải cách"

    def folded_search_text(self):
        """The searchable text without diacritics (see search/indexing.py)."""
        from search.indexing import folded_search_text

        return folded_search_text(self)

    @property
    def plan(self):
        return PlanPage.objects.get(pk=self.get_parent().pk)

    def task_url(self, code):
        return self.url + self.reverse_subpage("task_detail", args=[code_to_url(code)])

    def indicator_url(self, code):
        return self.url + self.reverse_subpage("indicator_detail", args=[code_to_url(code)])

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        from plan import dashboard
        from plan.feeds import updates_for

        task_rows = dashboard.task_rows(queries.tasks_for_display(self.tasks.all()))
        indicator_rows = dashboard.indicator_rows(queries.indicators_for_display(self.indicators.filter(live=True)))
        context["plan"] = self.get_parent()
        context["task_rows"] = task_rows
        context["indicator_groups"] = queries.group_by_bullet(indicator_rows)
        context["rollups"] = dashboard.rollup_views([(self.title, "", indicator_rows, task_rows)])
        context["has_demo"] = dashboard.has_demo_figures(indicator_rows, task_rows)
        context["updates"] = updates_for(self)[:10]
        context["answerable_agencies"] = list(self.answerable_agencies.all())
        context["supporting_agencies"] = list(self.supporting_agencies.all())
        return context

    @path("")
    def area(self, request):
        return self.render(request)

    @path("nhiem-vu/<slug:url_code>/")
    def task_detail(self, request, url_code):
        from plan import dashboard

        task = queries.tasks_for_display(self.tasks.filter(code=code_from_url(url_code))).first()
        if task is None:
            raise Http404("Không tìm thấy nhiệm vụ.")
        row = dashboard.task_rows([task])[0]
        reports = task.progress_reports.order_by("-reported_on", "-created_at")
        return self.render(
            request,
            context_overrides={
                "task": task, "row": row, "reports": reports, "plan": self.get_parent(),
                "updates": queries.live_updates(task.updates),
            },
            template="plan/task_detail.html",
        )

    @path("chi-tieu/<slug:url_code>/")
    def indicator_detail(self, request, url_code):
        indicator = queries.indicators_for_display(
            self.indicators.filter(live=True, code=code_from_url(url_code))
        ).first()
        if indicator is None:
            raise Http404("Không tìm thấy chỉ tiêu.")
        from plan import charts, dashboard

        row = dashboard.indicator_rows([indicator])[0]
        results = list(indicator.results.filter(scope=indicator.level).order_by("period_end", "period"))
        other_scopes = indicator.results.exclude(scope=indicator.level).order_by("period_end", "scope")
        return self.render(
            request,
            context_overrides={
                "indicator": indicator,
                "row": row,
                "results": results,
                "other_results": other_scopes,
                "chart": charts.history_chart(indicator, results),
                "has_demo": any(r.is_demo for r in results),
                "updates": queries.live_updates(indicator.updates),
                "plan": self.get_parent(),
            },
            template="plan/indicator_detail.html",
        )


class Task(index.Indexed, ClusterableModel, Orderable):
    """A task ("nhiệm vụ") of an area, published and revised with its area page."""

    area = ParentalKey(AreaPage, on_delete=models.CASCADE, related_name="tasks")
    code = models.CharField("mã", max_length=20, help_text="Mã ổn định, ví dụ “3.4”.")
    group = models.CharField("nhóm nhiệm vụ", max_length=255, blank=True)
    text = models.TextField("nội dung")
    output = models.TextField("sản phẩm", blank=True)
    lead_agency = models.ForeignKey(
        "plan.Agency", null=True, blank=True, on_delete=models.PROTECT,
        related_name="led_tasks", verbose_name="cơ quan chủ trì",
    )
    lead_agency_derived = models.BooleanField(
        "chủ trì suy ra từ mục IV", default=False,
        help_text="Đánh dấu khi nhiệm vụ không nêu cơ quan chủ trì và cơ quan này được xác định theo mục IV của Kế hoạch.",
    )
    coordinating_agencies = ParentalManyToManyField(
        "plan.Agency", blank=True, related_name="coordinated_tasks", verbose_name="cơ quan phối hợp"
    )
    coordinating_derived = models.BooleanField("phối hợp suy ra từ mục IV", default=False)
    deadline_text = models.CharField("thời gian hoàn thành (như văn bản ghi)", max_length=120, blank=True)
    due_date = models.DateField("hạn hoàn thành (chuẩn hóa)", null=True, blank=True)
    topics = ParentalManyToManyField("plan.Topic", blank=True, related_name="tasks", verbose_name="chủ đề")

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
    ]

    class Meta(Orderable.Meta):
        verbose_name = "nhiệm vụ"
        verbose_name_plural = "nhiệm vụ"

    def __str__(self):
        return f"{self.code} {self.text[:80]}"

    def get_url(self):
        return self.area.task_url(self.code)

    def folded_search_text(self):
        """The searchable text without diacritics (see search/indexing.py)."""
        from search.indexing import folded_search_text

        return folded_search_text(self)


class AppendixPage(Page):
    """The appendix framework table, built from the plan's tasks (the appendix text
    itself is not part of the published plan text)."""

    intro = models.TextField("giới thiệu", blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("folded_search_text")]
    parent_page_types = ["plan.PlanPage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = "phụ lục"

    def folded_search_text(self):
        """The searchable text without diacritics (see search/indexing.py)."""
        from search.indexing import folded_search_text

        return folded_search_text(self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        plan = self.get_parent()
        context["plan"] = plan
        context["area_rows"] = queries.appendix_rows(plan)
        return context
