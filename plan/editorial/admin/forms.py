"""Forms of the data registry: a published figure is corrected only with a reason,
which the indicator's public page shows beside the old and new values; a public
source's address is checked on save by the outbound fetcher's own parser."""

from django import forms
from django.conf import settings
from wagtail.admin.forms import WagtailAdminModelForm

from plan.results.fetch import FetchError, parse_source_url


class ResultForm(WagtailAdminModelForm):
    reason = forms.CharField(
        label="Lý do sửa (đăng công khai)",
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Bắt buộc khi sửa giá trị của một số liệu đã có: được đăng cùng giá trị cũ và mới.",
    )

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk and "value" in self.changed_data and not cleaned.get("reason", "").strip():
            self.add_error("reason", "Hãy ghi lý do sửa: lý do được đăng cùng giá trị cũ và mới.")
        return cleaned


class ResultSourceForm(WagtailAdminModelForm):
    """Refuses on save an address `sync_results` would refuse (user name or password,
    backslash, not http(s), a port or host not allowed), with the fetcher's message.
    A plain text field, so that this one parser, not Django's URL check, decides."""

    url = forms.CharField(
        label="Địa chỉ tải số liệu",
        max_length=500,
        help_text="Chỉ http:// hoặc https://, máy chủ và cổng trong danh sách được phép.",
    )

    def clean_url(self):
        url = self.cleaned_data["url"]
        try:
            parse_source_url(url, settings.RESULT_SOURCES_ALLOWED_HOSTS, settings.RESULT_SOURCES_ALLOWED_PORTS)
        except FetchError as error:
            raise forms.ValidationError(str(error)) from error
        return url
