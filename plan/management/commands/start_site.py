import os

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from plan.content.site_address import fill_contact


class Command(BaseCommand):
    help = (
        "Chuẩn bị trang khi khởi động (./scripts/run.sh chạy lệnh này sau migrate): nạp những gì còn thiếu "
        "của Kế hoạch (không ghi đè nội dung đã sửa), số liệu minh họa, nhóm quyền, tài khoản quản trị."
    )

    def add_arguments(self, parser):
        parser.add_argument("--address", default="http://127.0.0.1:8000", help="địa chỉ trang, để in đường dẫn")
        parser.add_argument("--no-demo", action="store_true", help="Không nạp số liệu minh họa.")
        parser.add_argument(
            "--contact-email",
            default=os.environ.get("SITE_CONTACT_EMAIL", ""),
            help="thư điện tử liên hệ in cuối mỗi trang, nếu chưa có (mặc định biến môi trường SITE_CONTACT_EMAIL)",
        )
        parser.add_argument(
            "--contact-address",
            default=os.environ.get("SITE_CONTACT_ADDRESS", ""),
            help="địa chỉ liên hệ in cuối mỗi trang, nếu chưa có (mặc định biến môi trường SITE_CONTACT_ADDRESS)",
        )

    def handle(self, *args, address, no_demo, contact_email, contact_address, **options):
        call_command("load_plan", stdout=self.stdout)
        # The published figures of PAPI, PCI, SIPAS, PAR INDEX (real, with sources); never over an edit.
        call_command("load_indices", stdout=self.stdout)
        call_command("set_site_address", stdout=self.stdout)
        try:
            missing = fill_contact(contact_email, contact_address)
        except ValidationError as error:
            raise CommandError(f"Thư điện tử liên hệ không hợp lệ: “{contact_email}”.") from error
        if missing:
            self.stdout.write(
                "Dòng liên hệ của trang còn thiếu (Cài đặt → Thông tin trang, hoặc --contact-email/--contact-address): "
                + ", ".join({"contact_email": "thư điện tử", "contact_address": "địa chỉ"}[name] for name in missing)
                + "."
            )
        if settings.DEMO_DATA_ALLOWED and not no_demo:
            # Illustrative results, labelled “Dữ liệu minh họa” on every page that shows them.
            call_command("load_demo_results", stdout=self.stdout)
            # Illustrative periodic reports of the periods already past, the year closed once its report is due.
            call_command("load_demo_reports", stdout=self.stdout)
        # Statuses that depend on the date (late, overdue, the plan year over) as of today.
        call_command("refresh_progress", stdout=self.stdout)
        call_command("sync_roles", stdout=self.stdout)
        call_command("create_admin", address=address, stdout=self.stdout)
