from django.core.management.base import BaseCommand
from django.utils import timezone

from plan.results.fetch import FetchError
from plan.results.readers import ReadError
from plan.results.sync import due_sources, sync_source


class Command(BaseCommand):
    help = "Tải số liệu từ các nguồn công khai đến hạn đồng bộ và nhập qua cùng bước kiểm tra."

    def handle(self, *args, **options):
        now = timezone.now()
        failures = 0
        sources = list(due_sources(now))
        if not sources:
            self.stdout.write("Không có nguồn nào đến hạn.")
        for source in sources:
            try:
                report = sync_source(source, now)
            except (FetchError, ReadError) as error:
                failures += 1
                self.stderr.write(f"✗ {source}: {error}")
                continue
            self.stdout.write(f"✓ {source}: {report.new} mới, {report.updated} cập nhật, {report.unchanged} không đổi.")
        if failures:
            self.stderr.write(f"{failures}/{len(sources)} nguồn lỗi; xem “nội dung lỗi gần nhất” trong trang quản trị.")
