"""The plan as Wagtail pages: an index of plans, one page per plan document (with its
section IV as ordered sub-sections) and the appendix. The reform areas and their
tasks are in plan/models/areas.py."""

from django.db import models
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from plan.models.child_pages import UsualChildRoute
from plan.models.presenting import PresentedPage
from plan.models.querysets import PublishedPageManager
from plan.vocabulary import DocumentStatus
from search.indexing import FoldedSearchText

TEXT_ITEMS = [("item", blocks.TextBlock(label="Đoạn"))]


class UpdateFeedsMixin(RoutablePageMixin):
    """The list of the progress updates about this page, and their RSS and Atom feeds."""

    @path("tin-cap-nhat/")
    def updates_list(self, request):
        return self.present(request).updates_list()

    @path("tin-cap-nhat/rss/")
    def updates_rss(self, request):
        return self.present(request).updates_feed("rss")

    @path("tin-cap-nhat/atom/")
    def updates_atom(self, request):
        return self.present(request).updates_feed("atom")


class PlanIndexPage(PresentedPage, UsualChildRoute):
    intro = models.TextField("giới thiệu", blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["plan.PlanPage"]
    max_count = 1

    class Meta:
        verbose_name = "danh sách kế hoạch"


class PlanPage(PresentedPage, UpdateFeedsMixin, FoldedSearchText, UsualChildRoute):
    """One plan document. Its heading, legal basis and sections I, III and IV are
    structured fields; section II lives in the AreaPage children."""

    document_kind = models.CharField("loại văn bản", max_length=60, default="KẾ HOẠCH")
    document_status = models.CharField(
        "tình trạng văn bản",
        max_length=10,
        choices=DocumentStatus.choices,
        default=DocumentStatus.DRAFT,
        help_text="Dự thảo, hay văn bản đã ký ban hành (khi đó hãy nhập số, ký hiệu và ngày ban hành).",
    )
    subtitle = models.CharField("trích yếu", max_length=255)
    number = models.CharField(
        "số, ký hiệu", max_length=60, blank=True, help_text="Như trong văn bản, ví dụ “/KH-UBND”."
    )
    issuing_body = models.CharField("cơ quan ban hành", max_length=255)
    place = models.CharField("địa danh", max_length=120)
    date_text = models.CharField("ngày tháng (như văn bản ghi)", max_length=120, blank=True)
    issued_on = models.DateField("ngày ban hành", null=True, blank=True)
    year = models.PositiveSmallIntegerField("năm kế hoạch")
    programme = models.CharField(
        "chương trình, kế hoạch giai đoạn thực hiện",
        max_length=255,
        blank=True,
        help_text="Văn bản giai đoạn mà kế hoạch năm này thực hiện, như trong phần căn cứ.",
    )
    predecessor = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="successors",
        verbose_name="kế hoạch năm trước",
    )
    preamble = models.TextField("phần mở đầu")
    legal_basis = StreamField([("document", blocks.TextBlock(label="Văn bản"))], verbose_name="căn cứ", blank=True)
    purpose = StreamField(TEXT_ITEMS, verbose_name="I.1. Mục đích", blank=True)
    requirements = StreamField(TEXT_ITEMS, verbose_name="I.2. Yêu cầu", blank=True)
    funding = StreamField(TEXT_ITEMS, verbose_name="III. Kinh phí", blank=True)

    objects = PublishedPageManager()

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
                FieldPanel("document_status"),
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
        MultiFieldPanel([FieldPanel("programme"), FieldPanel("predecessor")], heading="Các kế hoạch qua các năm"),
        FieldPanel("preamble"),
        FieldPanel("legal_basis"),
        FieldPanel("purpose"),
        FieldPanel("requirements"),
        FieldPanel("funding"),
        InlinePanel("implementation_sections", heading="IV. Tổ chức thực hiện", label="mục"),
    ]

    parent_page_types = ["plan.PlanIndexPage"]
    subpage_types = ["plan.AreaPage", "plan.AppendixPage", "plan.UpdatePage", "reports.PeriodReportPage"]

    class Meta:
        verbose_name = "kế hoạch"

    @property
    def is_draft(self):
        """The text is not (yet) the signed document: every page and export says so."""
        return self.document_status != DocumentStatus.SIGNED

    @path("")
    def document(self, request):
        return self.render(request)

    @path("tien-do/")
    def progress_dashboard(self, request):
        return self.present(request).dashboard()


class ImplementationSection(ClusterableModel, Orderable):
    """A numbered sub-section of section IV: the duties of one agency or group."""

    page = ParentalKey(
        PlanPage, on_delete=models.CASCADE, related_name="implementation_sections", verbose_name="kế hoạch"
    )
    number = models.PositiveSmallIntegerField("số thứ tự")
    heading = models.CharField("tiêu đề", max_length=255)
    agencies = ParentalManyToManyField(
        "plan.Agency", blank=True, related_name="implementation_sections", verbose_name="cơ quan"
    )
    addressed_agencies = ParentalManyToManyField(
        "plan.Agency",
        blank=True,
        related_name="collective_sections",
        verbose_name="cơ quan thuộc nhóm được giao chung",
        help_text="Khi mục giao nhiệm vụ cho một nhóm (ví dụ “các sở, ban, ngành”): các cơ quan thuộc nhóm, "
        "do trang xác định theo tiêu đề của mục.",
    )
    duties = StreamField(TEXT_ITEMS, verbose_name="nhiệm vụ được giao", blank=True)

    panels = [
        FieldPanel("number"),
        FieldPanel("heading"),
        FieldPanel("agencies"),
        FieldPanel("addressed_agencies"),
        FieldPanel("duties"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "mục tổ chức thực hiện"

    def __str__(self):
        return f"{self.number}. {self.heading}"


class AppendixPage(PresentedPage, FoldedSearchText, Page):
    """The plan's appendix ("Phụ lục Khung Kế hoạch"). The published text came without
    it: the page shows a table assembled from section II, and the real appendix rows
    once editors enter them (AppendixRow), each with its source."""

    intro = models.TextField("giới thiệu", blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        InlinePanel("rows", heading="Các dòng của Phụ lục chính thức", label="dòng"),
    ]
    objects = PublishedPageManager()

    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("folded_search_text")]
    parent_page_types = ["plan.PlanPage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = "phụ lục"


class AppendixRow(Orderable):
    """A row of the plan's real appendix, entered by an editor from the document named
    in `source`."""

    page = ParentalKey(AppendixPage, on_delete=models.CASCADE, related_name="rows", verbose_name="phụ lục")
    number = models.CharField("STT", max_length=20, blank=True)
    task = models.ForeignKey(
        "plan.Task",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="appendix_rows",
        verbose_name="nhiệm vụ tương ứng",
    )
    content = models.TextField("nội dung nhiệm vụ")
    output = models.TextField("sản phẩm", blank=True)
    lead = models.CharField("cơ quan chủ trì", max_length=255, blank=True)
    partners = models.CharField("cơ quan phối hợp", max_length=500, blank=True)
    deadline = models.CharField("thời gian hoàn thành", max_length=120, blank=True)
    source = models.CharField(
        "nguồn",
        max_length=255,
        help_text="Văn bản có Phụ lục này, ví dụ “Phụ lục kèm Kế hoạch số 4012/KH-UBND ngày 20/12/2023”.",
    )

    panels = [
        FieldPanel("number"),
        FieldPanel("task"),
        FieldPanel("content"),
        FieldPanel("output"),
        FieldPanel("lead"),
        FieldPanel("partners"),
        FieldPanel("deadline"),
        FieldPanel("source"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = "dòng phụ lục"
        verbose_name_plural = "dòng phụ lục"

    def __str__(self):
        return f"{self.number} {self.content[:60]}"
