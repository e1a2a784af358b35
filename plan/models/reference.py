"""Reference data: the agencies the plan names and the topics citizens browse by."""

from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from wagtail.search import index

from plan.vocabulary import AgencyKind


class Agency(index.Indexed, models.Model):
    code = models.SlugField("mã", max_length=80, unique=True, help_text="Dùng trong địa chỉ trang, không dấu.")
    name = models.CharField("tên cơ quan", max_length=255)
    kind = models.CharField("loại", max_length=32, choices=AgencyKind.choices, default=AgencyKind.DEPARTMENT)
    # Contact details, shown on the agency's page; blank until an editor enters them
    # (the plan gives none, and none is invented).
    address = models.CharField("địa chỉ", max_length=255, blank=True)
    telephone = models.CharField(
        "điện thoại",
        max_length=40,
        blank=True,
        validators=[
            RegexValidator(
                r"^[0-9 +().-]{6,40}$",
                "Số điện thoại chỉ gồm chữ số, dấu cách và các dấu + ( ) . -, ví dụ 0220 3853 456.",
            )
        ],
    )
    website = models.URLField("trang thông tin điện tử", blank=True)
    contact_email = models.EmailField("thư điện tử liên hệ", blank=True)
    editor_group = models.OneToOneField(
        "auth.Group",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="agency",
        verbose_name="nhóm biên tập",
    )

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = "cơ quan"
        verbose_name_plural = "cơ quan"

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("plan:agency", args=[self.code])

    @property
    def has_contact(self):
        return bool(self.address or self.telephone or self.contact_email or self.website)


class Topic(index.Indexed, models.Model):
    slug = models.SlugField("mã", max_length=80, unique=True, help_text="Dùng trong địa chỉ trang, không dấu.")
    name = models.CharField("tên chủ đề", max_length=120)
    description = models.TextField("mô tả", blank=True)

    search_fields = [index.SearchField("name"), index.SearchField("description"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = "chủ đề"
        verbose_name_plural = "chủ đề"

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("plan:topic", args=[self.slug])
