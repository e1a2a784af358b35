"""What `load_plan` last wrote to each object it manages. Comparing an object with
this record tells whether an editor changed it since: the loader never overwrites
such an object unless told to for that object (plan/content/edits.py)."""

from django.db import models


class LoadRecord(models.Model):
    key = models.CharField("đối tượng", max_length=160, unique=True, help_text="Ví dụ “indicator:3.a.2”.")
    values = models.JSONField("giá trị đã nạp", default=dict)
    loaded_at = models.DateTimeField("nạp lúc", auto_now=True)

    class Meta:
        verbose_name = "bản ghi nạp kế hoạch"
        verbose_name_plural = "bản ghi nạp kế hoạch"

    def __str__(self):
        return self.key
