"""What became of an agency: succeeded by another from a date (a merger, a new name,
a split), with the decision that did it. Tasks and indicators keep the agency of
their own year; the successor answers for them from that date (plan.content.succession)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from plan.vocabulary import SuccessionKind


class AgencySuccession(models.Model):
    predecessor = models.ForeignKey(
        "plan.Agency", on_delete=models.CASCADE, related_name="successions", verbose_name="cơ quan trước"
    )
    successor = models.ForeignKey(
        "plan.Agency", on_delete=models.PROTECT, related_name="precedences", verbose_name="cơ quan kế tục"
    )
    kind = models.CharField("hình thức", max_length=16, choices=SuccessionKind.choices, default=SuccessionKind.MERGED)
    effective_from = models.DateField("có hiệu lực từ ngày")
    decision_number = models.CharField(
        "số, ký hiệu văn bản", max_length=80, blank=True, help_text="Ví dụ “202/2025/QH15”; để trống khi chưa tìm thấy."
    )
    decision_date = models.DateField("ngày ban hành văn bản", null=True, blank=True)
    decision_issuer = models.CharField("cơ quan ban hành văn bản", max_length=255, blank=True)
    decision_url = models.URLField("địa chỉ văn bản", blank=True)
    decision_quote = models.TextField("trích nguyên văn", blank=True, help_text="Câu trong văn bản nêu việc này.")
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name="người nhập",
    )
    entered_at = models.DateTimeField("ngày nhập", auto_now=True)

    panels = [
        FieldRowPanel([FieldPanel("predecessor"), FieldPanel("kind"), FieldPanel("successor")]),
        FieldPanel("effective_from"),
        MultiFieldPanel(
            [
                FieldPanel("decision_number"),
                FieldPanel("decision_date"),
                FieldPanel("decision_issuer"),
                FieldPanel("decision_url"),
                FieldPanel("decision_quote"),
            ],
            heading="Văn bản quyết định (nguồn)",
        ),
    ]

    class Meta:
        ordering = ["effective_from", "pk"]
        verbose_name = "kế tục cơ quan"
        verbose_name_plural = "kế tục cơ quan"
        constraints = [
            models.UniqueConstraint(fields=["predecessor", "successor"], name="agency_succession_once"),
            models.CheckConstraint(
                condition=~models.Q(predecessor=models.F("successor")), name="agency_succession_not_itself"
            ),
        ]

    def __str__(self):
        return f"{self.predecessor} → {self.successor} ({self.effective_from:%d/%m/%Y})"

    def clean(self):
        if self.predecessor_id and self.predecessor_id == self.successor_id:
            raise ValidationError("Cơ quan kế tục phải khác cơ quan trước.")

    @property
    def has_decision(self):
        return bool(self.decision_number or self.decision_url)
