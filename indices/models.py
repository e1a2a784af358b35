"""One published figure of an index: a value, a rank or a tier (any of them may be
missing: the source did not state it), always with its source, the words it was read
from and when. Schema only; reads are in indices/queries.py."""

from django.core.exceptions import ValidationError
from django.db import models

from indices.catalogue import Flag, IndexCode, Level, SourceKind, UnitKind


class IndexFigureQuerySet(models.QuerySet):
    def of_index(self, code):
        return self.filter(index=code)

    def in_order(self):
        return self.order_by("index", "unit_kind", "unit", "level", "measure_code", "measure", "year", "source_url")


class IndexFigure(models.Model):
    index = models.CharField("chỉ số", max_length=16, choices=IndexCode.choices)
    year = models.PositiveSmallIntegerField("năm", help_text="Năm được đánh giá (kỳ công bố).")
    unit_kind = models.CharField("loại đơn vị", max_length=16, choices=UnitKind.choices, default=UnitKind.PROVINCE)
    unit = models.CharField("đơn vị", max_length=160, help_text="Ví dụ “Hải Dương”, “Sở Nội vụ”.")
    level = models.CharField("cấp của thước đo", max_length=16, choices=Level.choices, default=Level.TOTAL)
    measure_code = models.CharField("mã thước đo", max_length=20, blank=True, help_text="Ví dụ “8” hoặc “8.3”.")
    measure = models.CharField("thước đo", max_length=255)
    measure_as_written = models.CharField("thước đo như nguồn ghi", max_length=255, blank=True)
    value = models.DecimalField(
        "giá trị", max_digits=18, decimal_places=9, null=True, blank=True, help_text="Như nguồn ghi, không làm tròn."
    )
    value_unit = models.CharField("đơn vị tính", max_length=20, blank=True)
    scale_min = models.DecimalField("thang điểm từ", max_digits=12, decimal_places=4, null=True, blank=True)
    scale_max = models.DecimalField("thang điểm đến", max_digits=12, decimal_places=4, null=True, blank=True)
    rank = models.PositiveSmallIntegerField("thứ hạng", null=True, blank=True)
    rank_of = models.PositiveSmallIntegerField("trên số đơn vị", null=True, blank=True)
    tier = models.CharField("nhóm xếp loại", max_length=160, blank=True)
    source_kind = models.CharField("loại nguồn", max_length=16, choices=SourceKind.choices)
    source_name = models.CharField("nguồn", max_length=255)
    source_url = models.URLField("địa chỉ nguồn", max_length=500)
    quote = models.TextField("trích dẫn nguyên văn")
    read_on = models.DateField("ngày đọc nguồn")
    notes = models.TextField("ghi chú", blank=True)
    flag = models.CharField("cảnh báo", max_length=20, choices=Flag.choices, blank=True, default=Flag.NONE)
    updated_at = models.DateTimeField("cập nhật lúc", auto_now=True)

    objects = IndexFigureQuerySet.as_manager()

    class Meta:
        verbose_name = "số liệu chỉ số"
        verbose_name_plural = "số liệu chỉ số"
        constraints = [
            models.UniqueConstraint(
                fields=["index", "year", "unit", "measure_code", "measure", "source_url"], name="one_figure_per_source"
            )
        ]
        indexes = [models.Index(fields=["index", "unit", "year"])]

    def __str__(self):
        return f"{self.get_index_display()} {self.year} – {self.unit} – {self.measure}"

    def clean(self):
        if self.value is None and self.rank is None and not self.tier:
            raise ValidationError("Cần ít nhất một trong: giá trị, thứ hạng hoặc nhóm xếp loại, như nguồn ghi.")
        if self.rank is not None and self.rank_of is not None and self.rank > self.rank_of:
            raise ValidationError({"rank": "Thứ hạng lớn hơn số đơn vị được xếp hạng."})
        if self.scale_min is not None and self.scale_max is not None and self.scale_min >= self.scale_max:
            raise ValidationError({"scale_max": "Điểm cao nhất của thang phải lớn hơn điểm thấp nhất."})
