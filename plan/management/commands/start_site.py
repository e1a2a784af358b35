from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Chuẩn bị trang khi khởi động (./scripts/run.sh chạy lệnh này sau migrate): nạp những gì còn thiếu "
        "của Kế hoạch (không ghi đè nội dung đã sửa), số liệu minh họa, nhóm quyền, tài khoản quản trị."
    )

    def add_arguments(self, parser):
        parser.add_argument("--address", default="http://127.0.0.1:8000", help="địa chỉ trang, để in đường dẫn")
        parser.add_argument("--no-demo", action="store_true", help="Không nạp số liệu minh họa.")

    def handle(self, *args, address, no_demo, **options):
        call_command("load_plan", stdout=self.stdout)
        # The published figures of PAPI, PCI, SIPAS, PAR INDEX (real, with sources); never over an edit.
        call_command("load_indices", stdout=self.stdout)
        call_command("set_site_address", stdout=self.stdout)
        if settings.DEMO_DATA_ALLOWED and not no_demo:
            # Illustrative results, labelled “Dữ liệu minh họa” on every page that shows them.
            call_command("load_demo_results", stdout=self.stdout)
        # Statuses that depend on the date (late, overdue, the plan year over) as of today.
        call_command("refresh_progress", stdout=self.stdout)
        call_command("sync_roles", stdout=self.stdout)
        call_command("create_admin", address=address, stdout=self.stdout)
