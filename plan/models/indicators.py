"""Indicators ("chỉ tiêu"): measurable targets of an area, kept as snippets with
drafts and revisions so that editors change them through review."""

from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import ValidationError
from django.db import models
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import DraftStateMixin, LockableMixin, RevisionMixin, WorkflowMixin
from wagtail.search import index

from plan.content.codes import code_to_url
from plan.models.forms import IndicatorForm
from plan.models.querysets import IndicatorQuerySet
from plan.progress.rules import status_view
from plan.progress.targets import describe_target, target_errors
from plan.vocabulary import AdministrativeLevel, IndicatorStatus, ReportingFrequency, TargetComparator
from search.indexing import FoldedSearchText


class Indicator(
    FoldedSearchText, WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, index.Indexed, ClusterableModel
):
    code = models.CharField("mã", max_length=20, unique=True, help_text="Mã ổn định, ví dụ “3.a.4.1”.")
    area = models.ForeignKey(
        "plan.AreaPage", on_delete=models.PROTECT, related_name="indicators", verbose_name="lĩnh vực"
    )
    bullet = models.PositiveSmallIntegerField("gạch đầu dòng số", help_text="Thứ tự của ý trong mục “Chỉ tiêu”.")
    sort_order = models.PositiveSmallIntegerField("thứ tự hiển thị", default=0)
    original_wording = models.TextField("nguyên văn trong Kế hoạch")
    statement = models.TextField("nội dung chỉ tiêu", help_text="Phần của nguyên văn ứng với chỉ tiêu này.")
    metric = models.CharField("thước đo", max_length=255)
    unit = models.CharField("đơn vị", max_length=40, blank=True)
    comparator = models.CharField("loại mục tiêu", max_length=16, choices=TargetComparator.choices)
    target_value = models.DecimalField("giá trị mục tiêu", max_digits=12, decimal_places=2, null=True, blank=True)
    target_value_max = models.DecimalField(
        "giá trị mục tiêu tối đa",
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        help_text="Chỉ dùng cho mục tiêu “trong khoảng”.",
    )
    level = models.CharField("cấp hành chính", max_length=16, choices=AdministrativeLevel.choices, blank=True)
    responsible_agency = models.ForeignKey(
        "plan.Agency",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="indicators",
        verbose_name="cơ quan chịu trách nhiệm",
    )
    frequency = models.CharField(
        "tần suất báo cáo", max_length=16, choices=ReportingFrequency.choices, default=ReportingFrequency.YEARLY
    )
    public_source = models.CharField("nguồn số liệu công khai", max_length=255, blank=True)
    public_source_url = models.URLField("địa chỉ nguồn số liệu", blank=True)
    topics = ParentalManyToManyField("plan.Topic", blank=True, related_name="indicators", verbose_name="chủ đề")
    concerned_agencies = ParentalManyToManyField(
        "plan.Agency",
        blank=True,
        related_name="concerning_indicators",
        verbose_name="cơ quan, địa phương được chỉ tiêu áp dụng",
        help_text=(
            "Cơ quan mà lời chỉ tiêu nói đến (ví dụ “thuộc Ủy ban nhân dân cấp huyện”, “tại cấp huyện”), "
            "ngoài cơ quan chịu trách nhiệm; do trang xác định, không phải nguyên văn."
        ),
    )
    predecessor = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="successors",
        verbose_name="chỉ tiêu năm trước",
        help_text="Chỉ tiêu của kế hoạch năm trước mà chỉ tiêu này tiếp nối (cùng thước đo).",
    )
    change_reason = models.TextField(
        "lý do khác nguyên văn Kế hoạch",
        blank=True,
        help_text=(
            "Bắt buộc khi nội dung, mục tiêu hoặc cơ quan chịu trách nhiệm khác nguyên văn Kế hoạch. "
            "Lý do được công khai bên cạnh nội dung đã sửa."
        ),
    )

    # The indicator's current state, worked out by the progress rules and stored when a
    # figure, the target or the date changes (plan.progress.state): what pages, roll-ups
    # and files read. Not edited by hand.
    status = models.CharField(
        "trạng thái", max_length=16, choices=IndicatorStatus.choices, default=IndicatorStatus.NO_DATA, editable=False
    )
    latest_result = models.ForeignKey(
        "plan.Result",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="số liệu mới nhất",
    )
    late = models.BooleanField("chậm cập nhật số liệu", default=False, editable=False)
    next_due = models.DateField("hạn số liệu kế tiếp", null=True, blank=True, editable=False)

    objects = IndicatorQuerySet.as_manager()

    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="indicator")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="indicator",
        for_concrete_model=False,
    )

    search_fields = [
        index.SearchField("code"),
        index.SearchField("statement"),
        index.SearchField("metric"),
        index.SearchField("folded_search_text"),
        index.AutocompleteField("folded_search_text"),
        index.FilterField("live"),
        index.FilterField("area"),
    ]

    panels = [
        FieldRowPanel([FieldPanel("code"), FieldPanel("area"), FieldPanel("bullet"), FieldPanel("sort_order")]),
        FieldPanel("original_wording"),
        FieldPanel("statement"),
        MultiFieldPanel(
            [
                FieldPanel("metric"),
                FieldRowPanel(
                    [
                        FieldPanel("comparator"),
                        FieldPanel("target_value"),
                        FieldPanel("target_value_max"),
                        FieldPanel("unit"),
                    ]
                ),
                FieldPanel("level"),
            ],
            heading="Mục tiêu",
        ),
        FieldPanel("responsible_agency"),
        FieldPanel("concerned_agencies"),
        FieldPanel("frequency"),
        FieldRowPanel([FieldPanel("public_source"), FieldPanel("public_source_url")]),
        FieldPanel("topics"),
        FieldPanel("predecessor"),
        FieldPanel("change_reason"),
    ]
    base_form_class = IndicatorForm

    class Meta:
        ordering = ["area__path", "sort_order", "code"]
        indexes = [models.Index(fields=["area", "status"], name="indicator_area_status")]
        verbose_name = "chỉ tiêu"
        verbose_name_plural = "chỉ tiêu"

    def __str__(self):
        return f"{self.code} {self.metric}"

    @property
    def revisions(self):
        return self._revisions

    @property
    def par_component(self):
        return self.area.par_component

    @property
    def status_view(self):
        return status_view(self.status)

    @property
    def target_display(self):
        return describe_target(self.comparator, self.target_value, self.target_value_max, self.unit)

    @property
    def url_code(self):
        return code_to_url(self.code)

    def get_url(self, request=None):
        return self.area.indicator_url(self.code, request)

    def clean(self):
        errors = target_errors(self.comparator, self.target_value, self.target_value_max)
        if errors:
            raise ValidationError(errors)
