from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from plan.models import Indicator, PlanPage, Result, Task, TaskProgress
from plan.results.demo import demo_rows, demo_task_progress
from plan.results.importer import import_rows
from plan.vocabulary import ResultOrigin


class Command(BaseCommand):
    help = (
        "Nạp số liệu minh họa (gắn nhãn “Dữ liệu minh họa”) cho các chỉ tiêu và nhiệm vụ của một kế hoạch. "
        "Chạy lại không tạo trùng."
    )

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, default=2024, help="Năm kế hoạch (mặc định 2024).")

    def handle(self, *args, year, **options):
        if not settings.DEMO_DATA_ALLOWED:
            raise CommandError(
                "Cấu hình này không cho nạp số liệu minh họa (DEMO_DATA_ALLOWED tắt, như trên máy chủ thật): "
                "trang công khai chỉ đăng số liệu chính thức."
            )
        plan = PlanPage.objects.filter(year=year).first()
        if plan is None:
            raise CommandError(f"Chưa có kế hoạch năm {year}: chạy load_plan trước.")
        indicators = list(Indicator.objects.filter(area__in=plan.get_children(), live=True).order_by("code"))
        today = timezone.localdate()
        real_keys = set(Result.objects.filter(is_demo=False).values_list("indicator__code", "period"))
        report = import_rows(lambda: demo_rows(indicators, year, today, real_keys), origin=ResultOrigin.DEMO)
        if not report.ok:
            raise CommandError("; ".join(str(e) for e in report.errors[:5]))
        created = 0
        for task in Task.objects.filter(area__in=plan.get_children()).exclude(progress_reports__is_demo=True):
            status, percent, reported_on = demo_task_progress(task.code, year)
            TaskProgress.objects.create(
                task=task,
                task_code=task.code,
                status=status,
                percent=percent,
                reported_on=reported_on,
                note="Báo cáo giả lập để trình diễn trang web.",
                is_demo=True,
            )
            created += 1
        self.stdout.write(
            f"Số liệu minh họa: {report.new} kết quả mới, {report.updated} cập nhật, {report.unchanged} không đổi; "
            f"{created} báo cáo tiến độ nhiệm vụ mới."
        )
