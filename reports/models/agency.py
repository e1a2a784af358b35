"""An agency's periodic report: one per agency and period, drafted by the agency's
editors and reviewed by Sở Nội vụ (the project's review workflow), with a line per task
the agency leads and per indicator it answers for."""

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import DraftStateMixin, LockableMixin, Orderable, RevisionMixin, WorkflowMixin

from plan.vocabulary import ReportedTaskStatus, TaskVerdict

MAX_EVIDENCE_LINKS = 20


class AgencyReport(WorkflowMixin, DraftStateMixin, LockableMixin, RevisionMixin, ClusterableModel):
    agency = models.ForeignKey(
        "plan.Agency", on_delete=models.PROTECT, related_name="periodic_reports", verbose_name="cơ quan"
    )
    period = models.ForeignKey(
        "reports.ReportingPeriod", on_delete=models.PROTECT, related_name="agency_reports", verbose_name="kỳ báo cáo"
    )
    summary = models.TextField("kết quả nổi bật trong kỳ", blank=True)
    difficulties = models.TextField("khó khăn, vướng mắc", blank=True)
    proposals = models.TextField("đề xuất, kiến nghị", blank=True)
    # When the agency first sent it (for review, or published by a reviewer): what
    # "late" is judged by. Set once (reports.signals).
    sent_at = models.DateTimeField("lúc gửi", null=True, blank=True, editable=False)
    is_demo = models.BooleanField("dữ liệu minh họa", default=False, editable=False)

    class Meta:
        ordering = ["period__deadline", "agency__name"]
        constraints = [models.UniqueConstraint(fields=["agency", "period"], name="one_report_per_agency_and_period")]
        verbose_name = "báo cáo định kỳ của cơ quan"
        verbose_name_plural = "báo cáo định kỳ của cơ quan"

    def __str__(self):
        return f"{self.agency} – {self.period}" if self.agency_id and self.period_id else "Báo cáo định kỳ"

    def clean(self):
        if self.agency_id and self.period_id:
            twins = AgencyReport.objects.filter(agency_id=self.agency_id, period_id=self.period_id)
            if twins.exclude(pk=self.pk).exists():
                raise ValidationError({"period": "Cơ quan này đã có báo cáo cho kỳ này."})


class TaskLine(Orderable):
    report = ParentalKey(AgencyReport, on_delete=models.CASCADE, related_name="task_lines")
    task = models.ForeignKey(
        "plan.Task", on_delete=models.PROTECT, related_name="report_lines", verbose_name="nhiệm vụ"
    )
    status = models.CharField("tình trạng", max_length=16, choices=ReportedTaskStatus.choices)
    done = models.TextField("kết quả đã thực hiện", blank=True)
    difficulties = models.TextField("khó khăn, vướng mắc", blank=True)
    proposals = models.TextField("đề xuất, kiến nghị", blank=True)
    evidence = models.TextField("đường dẫn minh chứng", blank=True, help_text="Mỗi dòng một địa chỉ http(s)://…")
    verdict = models.CharField(
        "đánh giá cuối năm",
        max_length=16,
        choices=TaskVerdict.choices,
        blank=True,
        help_text="Chỉ ghi trong báo cáo năm: bắt buộc với mỗi nhiệm vụ.",
    )
    verdict_reason = models.TextField(
        "lý do", blank=True, help_text="Bắt buộc khi nhiệm vụ không hoàn thành đầy đủ trong năm."
    )

    class Meta(Orderable.Meta):
        verbose_name = "nhiệm vụ trong báo cáo"
        verbose_name_plural = "nhiệm vụ trong báo cáo"

    @property
    def evidence_links(self):
        return [line.strip() for line in self.evidence.splitlines() if line.strip()]

    def clean(self):
        if self.task_id and self.report.agency_id and self.task.lead_agency_id != self.report.agency_id:
            raise ValidationError({"task": "Nhiệm vụ này không do cơ quan của báo cáo chủ trì."})
        self.check_verdict()
        links = self.evidence_links
        if len(links) > MAX_EVIDENCE_LINKS:
            raise ValidationError({"evidence": f"Nhiều nhất {MAX_EVIDENCE_LINKS} đường dẫn."})
        check = URLValidator(schemes=["http", "https"])
        for link in links:
            try:
                check(link)
            except ValidationError:
                raise ValidationError({"evidence": f"Đường dẫn không hợp lệ: {link[:80]}"}) from None

    def check_verdict(self):
        year_report = self.report.period_id and self.report.period.kind == "year"
        if year_report and not self.verdict:
            raise ValidationError({"verdict": "Báo cáo năm cần đánh giá cuối năm cho mỗi nhiệm vụ."})
        if not year_report and self.verdict:
            raise ValidationError({"verdict": "Đánh giá cuối năm chỉ ghi trong báo cáo năm."})
        if self.verdict and self.verdict != TaskVerdict.DONE and not self.verdict_reason.strip():
            raise ValidationError({"verdict_reason": "Cần nêu lý do khi nhiệm vụ chưa hoàn thành đầy đủ."})


class FigureLine(Orderable):
    report = ParentalKey(AgencyReport, on_delete=models.CASCADE, related_name="figure_lines")
    indicator = models.ForeignKey(
        "plan.Indicator", on_delete=models.PROTECT, related_name="report_lines", verbose_name="chỉ tiêu"
    )
    value = models.DecimalField("số liệu trong kỳ", max_digits=14, decimal_places=4, null=True, blank=True)
    source = models.CharField("nguồn số liệu", max_length=255, blank=True)
    note = models.TextField("ghi chú", blank=True, help_text="Để trống số liệu khi chưa có: không ghi 0.")

    class Meta(Orderable.Meta):
        verbose_name = "chỉ tiêu trong báo cáo"
        verbose_name_plural = "chỉ tiêu trong báo cáo"

    def clean(self):
        if (
            self.indicator_id
            and self.report.agency_id
            and self.indicator.responsible_agency_id != self.report.agency_id
        ):
            raise ValidationError({"indicator": "Chỉ tiêu này không do cơ quan của báo cáo phụ trách."})
        if self.value is not None and not self.source.strip():
            raise ValidationError({"source": "Số liệu cần ghi nguồn."})


class PublishedProgress(models.Model):
    """The progress report a task's line became when its report was published
    (reports.publishing). Outside the report's revisions, which would otherwise bring
    back a link from before."""

    report = models.ForeignKey(AgencyReport, on_delete=models.CASCADE, related_name="+")
    task = models.ForeignKey("plan.Task", on_delete=models.CASCADE, related_name="+")
    progress = models.OneToOneField("plan.TaskProgress", on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["report", "task"], name="one_progress_per_report_task")]

    def __str__(self):
        return f"{self.report} – {self.task_id}"
