from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from plan.results.sync import SyncFailed, due_sources, sync_source
from plan.results.uploads import purge_old_uploads


class Command(BaseCommand):
    help = (
        "Tải số liệu từ các nguồn công khai đến hạn đồng bộ và nhập qua cùng bước kiểm tra. "
        "Mỗi nguồn lỗi được ghi nhận và không chặn các nguồn khác; lệnh kết thúc với mã khác 0 khi có nguồn lỗi."
    )

    def handle(self, *args, **options):
        now = timezone.now()
        failures = 0
        sources = list(due_sources(now))
        if not sources:
            self.stdout.write("Không có nguồn nào đến hạn.")
        for source in sources:
            try:
                report = sync_source(source, now)
            except SyncFailed as error:
                failures += 1
                self.stderr.write(f"✗ {source}: {error}")
                continue
            self.stdout.write(f"✓ {source}: {report.new} mới, {report.updated} cập nhật, {report.unchanged} không đổi.")
        removed = purge_old_uploads()
        if removed:
            self.stdout.write(f"Đã xóa {removed} tệp tải lên quá hạn lưu giữ (RESULT_UPLOAD_RETENTION_DAYS).")
        if failures:
            raise CommandError(
                f"{failures}/{len(sources)} nguồn lỗi; xem “nội dung lỗi gần nhất” trong trang quản trị.", returncode=2
            )
