"""Who publishes the site, as settings an administrator edits in the admin
(Cài đặt → Thông tin trang): printed in the header, footer, titles, feeds and
open data wherever the site names the province, the plan's owner or the licence."""

from django.conf import settings
from django.db import models
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


def default_province():
    return settings.SITE_IDENTITY_DEFAULTS["province_name"]


def default_owner():
    return settings.SITE_IDENTITY_DEFAULTS["plan_owner"]


def default_licence():
    return settings.SITE_IDENTITY_DEFAULTS["open_data_licence"]


def default_licence_url():
    return settings.SITE_IDENTITY_DEFAULTS["open_data_licence_url"]


@register_setting(icon="site")
class SiteIdentity(BaseSiteSetting):
    province_name = models.CharField(
        "tên tỉnh",
        max_length=120,
        default=default_province,
        help_text="Như viết giữa câu, bắt đầu bằng “tỉnh”.",
    )
    plan_owner = models.CharField("cơ quan ban hành kế hoạch", max_length=255, default=default_owner)
    contact_email = models.EmailField("thư điện tử liên hệ", blank=True)
    contact_address = models.CharField("địa chỉ liên hệ", max_length=255, blank=True)
    open_data_licence = models.CharField("giấy phép dữ liệu mở", max_length=255, default=default_licence)
    open_data_licence_url = models.URLField("địa chỉ giấy phép", blank=True, default=default_licence_url)

    panels = [
        MultiFieldPanel([FieldPanel("province_name"), FieldPanel("plan_owner")], heading="Đơn vị"),
        MultiFieldPanel([FieldPanel("contact_email"), FieldPanel("contact_address")], heading="Liên hệ"),
        MultiFieldPanel([FieldPanel("open_data_licence"), FieldPanel("open_data_licence_url")], heading="Dữ liệu mở"),
    ]

    class Meta:
        verbose_name = "thông tin trang"

    @property
    def site_description(self):
        return (
            f"Trang công khai Kế hoạch cải cách hành chính nhà nước {self.province_name}: "
            "văn bản, chỉ tiêu, nhiệm vụ, cơ quan thực hiện và tiến độ."
        )

    @property
    def site_title(self):
        """“Cải cách hành chính tỉnh Hải Dương”: the name the site goes by."""
        return f"Cải cách hành chính {self.province_name}"
