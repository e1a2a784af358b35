"""Measured figures and task progress: data, not content. A result is unique per
indicator, period and scope; entering it again updates it and adds a history row."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone

from plan.progress.periods import parse_period, period_label
from plan.vocabulary import (
    AdministrativeLevel,
    ImportBatchStatus,
    ReportedTaskStatus,
    ReportingFrequency,
    ResultOrigin,
    SourceFormat,
)


class Result(models.Model):
    # No index of its own: the unique constraint and the index below start with it. An
    # import writes every index: without this one it wrote 10-19% more new rows a second
    # (benchmarks/import_results.py; updates the same).
    indicator = models.ForeignKey(
        "plan.Indicator", on_delete=models.PROTECT, related_name="results", verbose_name="chỉ tiêu", db_index=False
    )
    period = models.CharField(
        "kỳ", max_length=10, help_text="Năm “2024”, 6 tháng “2024-H1”, quý “2024-Q1” hoặc tháng “2024-03”."
    )
    period_end = models.DateField("ngày cuối kỳ", editable=False)
    scope = models.CharField(
        "cấp/phạm vi",
        max_length=16,
        blank=True,
        choices=AdministrativeLevel.choices,
        help_text="Để trống khi số liệu là chung toàn tỉnh.",
    )
    value = models.DecimalField("giá trị", max_digits=14, decimal_places=4)
    note = models.TextField("ghi chú", blank=True)
    source_name = models.CharField("tên nguồn", max_length=255)
    source_url = models.URLField("địa chỉ nguồn", max_length=500, blank=True)
    captured_on = models.DateField("ngày thu thập")
    is_demo = models.BooleanField("dữ liệu minh họa", default=False)
    origin = models.CharField("cách nhập", max_length=10, choices=ResultOrigin.choices, default=ResultOrigin.MANUAL)
    updated_at = models.DateTimeField("cập nhật lúc", default=timezone.now)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="người cập nhật",
    )

    class Meta:
        verbose_name = "kết quả"
        verbose_name_plural = "kết quả"
        ordering = ["indicator__code", "period_end", "scope"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "period", "scope"], name="unique_result_per_period_scope")
        ]
        indexes = [models.Index(fields=["indicator", "period_end"])]

    def __str__(self):
        return f"{self.indicator.code} {self.period} {self.scope or 'chung'}: {self.value}"

    def clean(self):
        period = parse_period(self.period)
        if period is None:
            raise ValidationError({"period": "Kỳ không hợp lệ. Dùng “2024”, “2024-H1”, “2024-Q1” hoặc “2024-03”."})
        self.period = period.code

    def save(self, *args, **kwargs):
        period = parse_period(self.period)
        if period is None:
            raise ValidationError({"period": "Kỳ không hợp lệ."})
        self.period, self.period_end = period.code, period.end
        super().save(*args, **kwargs)

    @property
    def period_label(self):
        return period_label(self.period)


class ResultHistoryQuerySet(models.QuerySet):
    def corrections(self):
        """Changes of a published figure. The first real figure that takes the place of
        an illustrative one is no correction: nothing real was wrong (its history row
        records `is_demo` going from "True" to "False")."""
        replaced_demo = models.Q(changes__has_key="is_demo") & models.Q(changes__is_demo__0="True")
        return self.filter(previous_value__isnull=False).exclude(replaced_demo)


class ResultHistory(models.Model):
    """One row per change of a result: who changed what, and when. The result itself
    records who entered its current state; each change keeps the state it replaced
    (value, who entered it, when), so the whole story of a figure is kept."""

    result = models.ForeignKey(Result, on_delete=models.CASCADE, related_name="history", verbose_name="kết quả")
    changed_at = models.DateTimeField("lúc", default=timezone.now)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="người sửa",
    )
    origin = models.CharField("cách nhập", max_length=10, choices=ResultOrigin.choices)
    previous_value = models.DecimalField("giá trị cũ", max_digits=14, decimal_places=4, null=True, blank=True)
    previous_entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="người nhập giá trị cũ",
    )
    previous_entered_at = models.DateTimeField("giá trị cũ nhập lúc", null=True, blank=True)
    new_value = models.DecimalField("giá trị mới", max_digits=14, decimal_places=4)
    changes = models.JSONField("các trường thay đổi", default=dict, blank=True)
    # Why the figure changed, shown on the indicator's public page. Imports write rows
    # without it (plan/results/bulk.py): the database default keeps them valid.
    reason = models.TextField("lý do sửa", blank=True, db_default="")

    objects = ResultHistoryQuerySet.as_manager()

    class Meta:
        verbose_name = "lịch sử kết quả"
        verbose_name_plural = "lịch sử kết quả"
        ordering = ["-changed_at", "-pk"]

    def __str__(self):
        return f"{self.result_id}: {self.previous_value} → {self.new_value} ({self.changed_at:%d/%m/%Y %H:%M})"


class TaskProgress(models.Model):
    """A progress report on a task, entered by its lead agency. The task code is kept
    so that a report outlives a task removed from the plan."""

    task = models.ForeignKey(
        "plan.Task",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="progress_reports",
        verbose_name="nhiệm vụ",
    )
    task_code = models.CharField("mã nhiệm vụ", max_length=20, editable=False)
    status = models.CharField("tình trạng", max_length=16, choices=ReportedTaskStatus.choices)
    percent = models.PositiveSmallIntegerField(
        "tỷ lệ hoàn thành (%)", null=True, blank=True, validators=[MinValueValidator(0), MaxValueValidator(100)]
    )
    note = models.TextField("ghi chú", blank=True)
    evidence_url = models.URLField("đường dẫn minh chứng", max_length=500, blank=True)
    reported_on = models.DateField("ngày báo cáo", default=timezone.localdate)
    is_demo = models.BooleanField("dữ liệu minh họa", default=False)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="người nhập",
    )
    created_at = models.DateTimeField("lúc tạo", default=timezone.now, editable=False)

    class Meta:
        verbose_name = "tiến độ nhiệm vụ"
        verbose_name_plural = "tiến độ nhiệm vụ"
        ordering = ["-reported_on", "-created_at"]
        # The latest report of each task (plan.progress.state) reads this index instead
        # of sorting every task's reports.
        indexes = [models.Index(fields=["task", "-reported_on", "-created_at"], name="taskprogress_latest")]

    def __str__(self):
        return f"{self.task_code} {self.get_status_display()} ({self.reported_on:%d/%m/%Y})"

    def save(self, *args, **kwargs):
        if self.task_id and not self.task_code:
            self.task_code = self.task.code
        super().save(*args, **kwargs)


class ResultSource(models.Model):
    """A public source of figures for one indicator, fetched by `sync_results`."""

    indicator = models.ForeignKey(
        "plan.Indicator", on_delete=models.CASCADE, related_name="sources", verbose_name="chỉ tiêu"
    )
    name = models.CharField("tên nguồn", max_length=255)
    url = models.URLField("địa chỉ tải số liệu", max_length=500)
    format = models.CharField("định dạng", max_length=8, choices=SourceFormat.choices)
    period_field = models.CharField("cột/trường chứa kỳ", max_length=80, default="ky")
    value_field = models.CharField("cột/trường chứa giá trị", max_length=80, default="gia_tri")
    scope_field = models.CharField("cột/trường chứa cấp (nếu có)", max_length=80, blank=True)
    filter_field = models.CharField("cột/trường lọc (nếu có)", max_length=80, blank=True)
    filter_value = models.CharField("giá trị lọc", max_length=120, blank=True)
    frequency = models.CharField(
        "tần suất đồng bộ", max_length=16, choices=ReportingFrequency.choices, default=ReportingFrequency.MONTHLY
    )
    enabled = models.BooleanField("đang dùng", default=True)
    next_run_at = models.DateTimeField("lần chạy kế tiếp", null=True, blank=True)
    last_success_at = models.DateTimeField("thành công gần nhất", null=True, blank=True, editable=False)
    last_failure_at = models.DateTimeField("lỗi gần nhất", null=True, blank=True, editable=False)
    last_error = models.TextField("nội dung lỗi gần nhất", blank=True, editable=False)

    class Meta:
        verbose_name = "nguồn số liệu"
        verbose_name_plural = "nguồn số liệu"

    def __str__(self):
        return f"{self.name} ({self.indicator.code})"


class ImportBatch(models.Model):
    """A results file uploaded in the admin, from its check by the import worker to its
    outcome. An agency's editor's file waits for a reviewer (pending) before it is
    imported as a whole; nothing of it is public until then."""

    file_name = models.CharField("tên tệp", max_length=255)
    stored_name = models.CharField("tệp lưu tạm", max_length=64, unique=True, editable=False)
    file_format = models.CharField("định dạng", max_length=8, choices=SourceFormat.choices)
    status = models.CharField(
        "trạng thái", max_length=16, choices=ImportBatchStatus.choices, default=ImportBatchStatus.QUEUED
    )
    message = models.TextField("kết quả xử lý", blank=True)
    report = models.JSONField("báo cáo kiểm tra", default=dict, blank=True, editable=False)
    started_at = models.DateTimeField("bắt đầu xử lý lúc", null=True, blank=True)
    finished_at = models.DateTimeField("xử lý xong lúc", null=True, blank=True)
    rows = models.PositiveIntegerField("số dòng", default=0)
    new = models.PositiveIntegerField("mới", default=0)
    updated = models.PositiveIntegerField("cập nhật", default=0)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+", verbose_name="người gửi"
    )
    submitted_at = models.DateTimeField("gửi lúc", default=timezone.now)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="người duyệt",
    )
    reviewed_at = models.DateTimeField("duyệt lúc", null=True, blank=True)
    review_comment = models.TextField("ý kiến người duyệt", blank=True)
    # Why the file changes published real figures, for its rows that give no reason of their own.
    correction_reason = models.TextField("lý do sửa cho cả tệp", blank=True)

    class Meta:
        verbose_name = "tệp kết quả"
        verbose_name_plural = "tệp kết quả"
        ordering = ["-submitted_at"]

    def __str__(self):
        return f"{self.file_name} ({self.get_status_display()})"
