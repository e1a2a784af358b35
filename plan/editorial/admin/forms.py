"""Forms of the data registry: a published figure is corrected only with a reason,
which the indicator's public page shows beside the old and new values."""

from django import forms
from wagtail.admin.forms import WagtailAdminModelForm


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
