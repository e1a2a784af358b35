"""The periodic report as a page of its own under its plan: the province's report of a
period (or one agency's), assembled from the data, reviewed through the plan's workflow,
given its number and date when signed, and frozen when first published
(ReportSnapshot), with DOCX, PDF and CSV downloads."""

from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page

from plan.models.presenting import PresentedPage


class PeriodReportPage(PresentedPage, RoutablePageMixin, Page):
    period = models.ForeignKey(
        "reports.ReportingPeriod", on_delete=models.PROTECT, related_name="report_pages", verbose_name="kỳ báo cáo"
    )
    agency = models.ForeignKey(
        "plan.Agency",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="report_pages",
        verbose_name="cơ quan",
        help_text="Để trống cho báo cáo của tỉnh.",
    )
    issuing_body = models.CharField("cơ quan ban hành", max_length=255, default="ỦY BAN NHÂN DÂN TỈNH HẢI DƯƠNG")
    number = models.CharField(
        "số, ký hiệu", max_length=60, blank=True, help_text="Ghi khi văn bản đã ký, ví dụ 45/BC-UBND."
    )
    signed_on = models.DateField("ngày ký", null=True, blank=True)
    place = models.CharField("địa danh", max_length=60, default="Hải Dương")
    introduction = models.TextField("đánh giá chung", blank=True)
    signer_authority = models.CharField(
        "thẩm quyền ký", max_length=120, blank=True, help_text="Ví dụ: TM. ỦY BAN NHÂN DÂN"
    )
    signer_title = models.CharField("chức vụ người ký", max_length=120, blank=True)
    signer_name = models.CharField("họ tên người ký", max_length=120, blank=True)
    recipients = models.TextField("nơi nhận", blank=True, help_text="Mỗi dòng một nơi nhận.")
    is_demo = models.BooleanField("dữ liệu minh họa", default=False, editable=False)

    content_panels = Page.content_panels + [
        MultiFieldPanel([FieldPanel("period"), FieldPanel("agency")], heading="Kỳ báo cáo"),
        MultiFieldPanel(
            [FieldPanel("issuing_body"), FieldPanel("number"), FieldPanel("signed_on"), FieldPanel("place")],
            heading="Thể thức văn bản",
        ),
        FieldPanel("introduction"),
        MultiFieldPanel(
            [
                FieldPanel("signer_authority"),
                FieldPanel("signer_title"),
                FieldPanel("signer_name"),
                FieldPanel("recipients"),
            ],
            heading="Chữ ký và nơi nhận",
        ),  # fmt: skip
    ]
    parent_page_types = ["plan.PlanPage"]
    subpage_types = []

    class Meta:
        verbose_name = "báo cáo định kỳ"
        verbose_name_plural = "báo cáo định kỳ"

    @path("")
    def report(self, request):
        return self.render(request)

    @path("docx/")
    def docx(self, request):
        return self.present(request).docx()

    @path("pdf/")
    def pdf(self, request):
        return self.present(request).pdf()

    @path("csv/<str:key>/")
    def csv(self, request, key):
        return self.present(request).csv(key)

    @property
    def recipient_lines(self):
        return [line.strip() for line in self.recipients.splitlines() if line.strip()]


class ReportSnapshot(models.Model):
    """What a report page showed when first published. Outside the page's revisions, so
    that neither a later edit nor a revision published again brings back other data."""

    page = models.OneToOneField(PeriodReportPage, on_delete=models.CASCADE, related_name="snapshot")
    data = models.JSONField("số liệu đã chốt")
    taken_at = models.DateTimeField("lúc chốt")

    class Meta:
        verbose_name = "số liệu báo cáo đã chốt"
        verbose_name_plural = "số liệu báo cáo đã chốt"

    def __str__(self):
        return f"{self.page} ({self.taken_at:%d/%m/%Y})"
