from django.core.management.base import BaseCommand
from django.db import transaction

from plan.models import Result, TaskProgress


class Command(BaseCommand):
    help = "Xóa mọi số liệu minh họa: kết quả và báo cáo tiến độ có nhãn “Dữ liệu minh họa”. Số liệu thật giữ nguyên."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Chỉ đếm, không xóa.")

    def handle(self, *args, dry_run, **options):
        results, reports = Result.objects.filter(is_demo=True), TaskProgress.objects.filter(is_demo=True)
        counts = f"{results.count()} kết quả và {reports.count()} báo cáo tiến độ minh họa"
        if dry_run:
            self.stdout.write(f"Chạy thử: sẽ xóa {counts}.")
            return
        with transaction.atomic():
            results.delete()
            reports.delete()
        self.stdout.write(self.style.SUCCESS(f"Đã xóa {counts}."))
