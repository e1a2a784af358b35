"""The reporting calendar."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from wagtail.admin.panels import FieldPanel

from reports.calendar import PeriodKind, period_name


class ReportingPeriod(models.Model):
    """One official reporting period of a year: its data cut-off window and the day by
    which agencies send their reports. Filled from the official table
    (reports.calendar.OFFICIAL_TABLE) for each plan year; an administrator may change
    the dates when the rule changes, and what is due and late follows."""

    year = models.PositiveSmallIntegerField("năm", validators=[MinValueValidator(2000), MaxValueValidator(2100)])
    kind = models.CharField("kỳ báo cáo", max_length=8, choices=PeriodKind.choices)
    data_from = models.DateField("chốt số liệu từ ngày")
    data_to = models.DateField("chốt số liệu đến ngày")
    deadline = models.DateField("hạn gửi báo cáo")
    basis = models.CharField(
        "căn cứ",
        max_length=255,
        blank=True,
        help_text="Văn bản quy định kỳ này, khi khác với hướng dẫn 581/BNV-CCHC.",
    )

    panels = [
        FieldPanel("year"),
        FieldPanel("kind"),
        FieldPanel("data_from"),
        FieldPanel("data_to"),
        FieldPanel("deadline"),
        FieldPanel("basis"),
    ]

    class Meta:
        ordering = ["deadline", "data_to"]
        constraints = [models.UniqueConstraint(fields=["year", "kind"], name="one_period_per_kind_and_year")]
        verbose_name = "kỳ báo cáo"
        verbose_name_plural = "kỳ báo cáo"

    def __str__(self):
        return self.name

    @property
    def name(self):
        return period_name(self.kind, self.year)

    def clean(self):
        if self.data_from and self.data_to and self.data_from > self.data_to:
            raise ValidationError({"data_to": "Ngày chốt số liệu cuối phải sau ngày đầu."})
        if self.data_to and self.deadline and self.deadline < self.data_to:
            raise ValidationError({"deadline": "Hạn gửi báo cáo không thể trước ngày chốt số liệu."})
        if self.year and self.data_to and self.data_to.year != self.year:
            raise ValidationError({"data_to": "Ngày chốt số liệu cuối phải thuộc năm của kỳ báo cáo."})


class YearClose(models.Model):
    """The close of a plan year, after its year report: from then on each task shows its
    reviewed verdict (or that it has none), never that it is under way."""

    year = models.PositiveSmallIntegerField("năm", unique=True)
    closed_on = models.DateField("ngày khép lại năm")
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name="người khép lại",
    )  # fmt: skip
    is_demo = models.BooleanField("dữ liệu minh họa", default=False, editable=False)

    class Meta:
        verbose_name = "khép lại năm kế hoạch"
        verbose_name_plural = "khép lại năm kế hoạch"

    def __str__(self):
        return f"Năm {self.year} (khép lại {self.closed_on:%d/%m/%Y})"
