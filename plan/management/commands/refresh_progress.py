from django.core.management.base import BaseCommand

from plan.progress import state


class Command(BaseCommand):
    help = (
        "Tính lại và lưu trạng thái của mọi chỉ tiêu và nhiệm vụ theo ngày hôm nay (chậm cập nhật, quá hạn, "
        "hết năm kế hoạch). Chạy mỗi ngày một lần (cron) và khi khởi động trang."
    )

    def handle(self, *args, **options):
        indicators, tasks = state.refresh_all()
        self.stdout.write(f"Trạng thái đã tính lại: {indicators} chỉ tiêu và {tasks} nhiệm vụ thay đổi.")
