from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from plan.results.fetch import FetchError, split_url
from plan.results.importer import import_file
from plan.results.outbound import fetch_to_file
from plan.results.readers import ReadError, detect_format


class Command(BaseCommand):
    help = (
        "Nhập kết quả chỉ tiêu từ tệp hoặc địa chỉ (CSV, XLSX, JSON, hoặc .txt “Unicode Text” của Excel). "
        "Kiểm tra mọi dòng trước; "
        "chỉ cần một dòng lỗi là không ghi gì."
    )

    def add_arguments(self, parser):
        parser.add_argument("source", help="Đường dẫn tệp hoặc địa chỉ http(s)://")
        parser.add_argument(
            "--format", choices=["csv", "xlsx", "json"], help="Định dạng, nếu không đoán được từ tên tệp."
        )
        parser.add_argument("--dry-run", action="store_true", help="Chỉ xem trước: không ghi gì.")
        parser.add_argument("--user", help="Tên đăng nhập của người nhập (ghi vào lịch sử).")
        parser.add_argument("--no-progress", action="store_true", help="Không hiện thanh tiến trình.")

    def handle(self, *args, source, format, dry_run, user, no_progress, **options):
        is_url = source.lower().startswith(("http://", "https://"))
        try:
            file_format = format or detect_format(split_url(source).path if is_url else source)
        except (ReadError, FetchError) as error:
            raise CommandError(str(error)) from error
        editor = self.find_user(user)
        downloaded = None
        try:
            if is_url:
                downloaded = fetch_to_file(source, f".{file_format}")
                path = downloaded.name
            else:
                path = source
                if not Path(path).is_file():
                    raise CommandError(f"Không tìm thấy tệp: {path}")
            with tqdm(desc="Kiểm tra", unit=" dòng", disable=no_progress or None, file=self.stderr) as bar:
                report = import_file(path, file_format, user=editor, dry_run=dry_run, progress=bar.update)
        except (ReadError, FetchError) as error:
            raise CommandError(str(error)) from error
        finally:
            if downloaded is not None:
                downloaded.close()
        self.print_report(report, dry_run)

    def find_user(self, username):
        if not username:
            return None
        try:
            return get_user_model().objects.get(username=username)
        except get_user_model().DoesNotExist as error:
            raise CommandError(f"Không có người dùng “{username}”.") from error

    def print_report(self, report, dry_run):
        if not report.ok:
            for error in report.errors:
                self.stderr.write(str(error))
            if report.error_count > len(report.errors):
                self.stderr.write(f"… và {report.error_count - len(report.errors)} lỗi khác.")
            raise CommandError(f"Có {report.error_count} lỗi trong {report.rows} dòng: không ghi dòng nào.")
        summary = f"{report.rows} dòng: {report.new} mới, {report.updated} cập nhật, {report.unchanged} không đổi."
        if report.change_count:
            self.stdout.write(f"Giá trị đã lưu sẽ bị thay đổi hoặc xóa ({report.change_count}):")
            for change in report.changes:
                new = "(xóa)" if change.clears else f"“{change.new}”"
                scope = change.scope or "chung"
                self.stdout.write(
                    f"  {change.indicator_code} {change.period} {scope}, {change.label}: “{change.old}” → {new}"
                )
            if report.change_count > len(report.changes):
                self.stdout.write(f"  … và {report.change_count - len(report.changes)} thay đổi khác.")
        if dry_run:
            self.stdout.write("Xem trước (chưa ghi): " + summary)
        else:
            self.stdout.write(self.style.SUCCESS("Đã nhập: " + summary))
