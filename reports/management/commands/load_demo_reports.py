from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from reports.demo import load


class Command(BaseCommand):
    help = (
        "Nạp báo cáo định kỳ minh họa (gắn nhãn “Dữ liệu minh họa”) cho các kỳ đã qua hạn của một năm kế hoạch: "
        "báo cáo của các cơ quan, đánh giá cuối năm, khép lại năm và báo cáo của tỉnh. Chạy lại không tạo trùng "
        "và không sửa báo cáo do biên tập viên nhập."
    )

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, default=2024, help="Năm kế hoạch (mặc định 2024).")

    def handle(self, *args, year, **options):
        if not settings.DEMO_DATA_ALLOWED:
            raise CommandError(
                "Cấu hình này không cho nạp báo cáo minh họa (DEMO_DATA_ALLOWED tắt, như trên máy chủ thật): "
                "trang công khai chỉ đăng báo cáo chính thức."
            )
        if not 2000 <= year <= 2100:
            raise CommandError("Năm phải từ 2000 đến 2100.")
        counts = load(year, timezone.localdate())
        closed = " Đã khép lại năm (minh họa)." if counts["closed"] else ""
        self.stdout.write(
            f"Báo cáo minh họa: {counts['reports']} báo cáo của cơ quan, {counts['pages']} báo cáo của tỉnh.{closed}"
        )
