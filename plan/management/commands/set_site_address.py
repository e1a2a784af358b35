from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from plan.content.site_address import set_site_address


class Command(BaseCommand):
    help = (
        "Đặt địa chỉ công khai của trang (mặc định WAGTAILADMIN_BASE_URL) cho Site của Wagtail, để API, sơ đồ trang "
        "và các đường dẫn tuyệt đối dùng đúng địa chỉ."
    )

    def add_arguments(self, parser):
        parser.add_argument("url", nargs="?", help="Ví dụ https://cchc.example.gov.vn")

    def handle(self, *args, url=None, **options):
        url = url or settings.WAGTAILADMIN_BASE_URL
        try:
            site, changed = set_site_address(url)
        except ValueError as error:
            raise CommandError(str(error)) from error
        if site is None:
            raise CommandError("Chưa có Site mặc định: chạy load_plan trước.")
        self.stdout.write(f"Địa chỉ trang: {site.root_url}" + (" (đã cập nhật)." if changed else " (không đổi)."))
