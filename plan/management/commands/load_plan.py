from django.core.management.base import BaseCommand, CommandError

from plan.content.loader import LoadReport, load_plan
from plan.content.plan_data import DEFAULT_DATA_FILE, PlanDataError, read_plan_file


class Command(BaseCommand):
    help = "Nạp (hoặc cập nhật) Kế hoạch CCHC từ tệp dữ liệu YAML. Chạy lại nhiều lần không tạo bản ghi trùng."

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", default=str(DEFAULT_DATA_FILE), help="Tệp dữ liệu kế hoạch (YAML).")

    def handle(self, *args, path, **options):
        try:
            data = read_plan_file(path)
        except FileNotFoundError as error:
            raise CommandError(f"Không tìm thấy tệp dữ liệu: {path}") from error
        except Exception as error:  # a malformed YAML file
            raise CommandError(f"Tệp dữ liệu không đọc được: {error}") from error
        try:
            report = load_plan(data, LoadReport())
        except PlanDataError as error:
            raise CommandError("Tệp dữ liệu có lỗi, không nạp gì:\n" + "\n".join(error.errors)) from error
        if not report.changed:
            self.stdout.write("Không có thay đổi: dữ liệu đã khớp với tệp.")
            return
        self.stdout.write(self.style.SUCCESS(f"Đã tạo {len(report.created)} và cập nhật {len(report.updated)} mục."))
