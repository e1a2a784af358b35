from django.core.management.base import BaseCommand, CommandError

from plan.content.changes import changed_words
from plan.content.edits import CREATE, UPDATE, LoadReport
from plan.content.loader import load_plan
from plan.content.plan_data import DEFAULT_DATA_FILE, PlanDataError, read_plan_file


class Command(BaseCommand):
    help = (
        "Nạp Kế hoạch CCHC từ tệp dữ liệu YAML. Mặc định chỉ tạo những gì còn thiếu và liệt kê những gì khác tệp; "
        "không bao giờ ghi đè nội dung biên tập viên đã sửa. Chạy lại nhiều lần không tạo bản ghi trùng."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", default=str(DEFAULT_DATA_FILE), help="Tệp dữ liệu kế hoạch (YAML).")
        parser.add_argument(
            "--update",
            action="store_true",
            help="Áp dụng tệp cho các mục chưa ai sửa kể từ lần nạp trước (mục đã sửa được giữ nguyên).",
        )
        parser.add_argument(
            "--force",
            action="append",
            default=[],
            metavar="MỤC",
            help="Cùng --update: ghi đè cả mục này dù đã được sửa, ví dụ --force indicator:3.a.2 (lặp lại được).",
        )

    def handle(self, *args, path, update, force, **options):
        if force and not update:
            raise CommandError("--force chỉ dùng cùng --update.")
        try:
            data = read_plan_file(path)
        except FileNotFoundError as error:
            raise CommandError(f"Không tìm thấy tệp dữ liệu: {path}") from error
        except Exception as error:  # a malformed YAML file
            raise CommandError(f"Tệp dữ liệu không đọc được: {error}") from error
        try:
            report = load_plan(data, LoadReport(), mode=UPDATE if update else CREATE, force=force)
        except PlanDataError as error:
            raise CommandError("Tệp dữ liệu có lỗi, không nạp gì:\n" + "\n".join(error.errors)) from error
        self.print_differences(report, update)
        if report.changed:
            self.stdout.write(
                self.style.SUCCESS(f"Đã tạo {len(report.created)} và cập nhật {len(report.updated)} mục.")
            )
        elif not report.kept:
            self.stdout.write("Không có thay đổi: dữ liệu đã khớp với tệp.")

    def print_differences(self, report, update):
        for difference in report.differences:
            if difference.applied:
                state = "đã cập nhật theo tệp"
            elif difference.edited:
                state = "đã được sửa trong trang quản trị: giữ nguyên"
            else:
                state = "khác tệp, chưa ai sửa: giữ nguyên (dùng --update để áp dụng)"
            self.stdout.write(f"{difference.key}: {state}")
            for name, (stored, wanted) in difference.fields.items():
                on_site, in_file = changed_words(stored, wanted)
                self.stdout.write(f"    {name}: trên trang “{on_site}” → trong tệp “{in_file}”")
        kept_edited = [d.key for d in report.kept if d.edited]
        if kept_edited:
            self.stdout.write(
                f"{len(kept_edited)} mục đã được sửa trong trang quản trị nên không bị ghi đè. "
                "Muốn ghi đè một mục: --update --force MỤC."
            )
