"""manage.py load_indices [FILE] [--update] [--force KEY …]: the index figures of
indices/data/chi-so.csv (or FILE) into the site, never over an editor's change."""

from django.core.management.base import BaseCommand, CommandError

from indices.loader import DATA_FILE, IndexDataError, load_indices
from plan.content.edits import CREATE, UPDATE
from plan.results.errors import ReadError


class Command(BaseCommand):
    help = "Nạp số liệu các chỉ số (PAPI, PCI, SIPAS, PAR INDEX, chỉ số CCHC của tỉnh) từ tệp dữ liệu."

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", default=str(DATA_FILE))
        parser.add_argument(
            "--update",
            action="store_true",
            help="Ghi số liệu của tệp lên các số liệu chưa ai sửa từ lần nạp trước.",
        )
        parser.add_argument("--force", nargs="*", default=[], help="Khóa của số liệu được ghi đè dù đã bị sửa.")

    def handle(self, *args, **options):
        try:
            report = load_indices(options["file"], mode=UPDATE if options["update"] else CREATE, force=options["force"])
        except (IndexDataError, ReadError, OSError) as error:
            raise CommandError(f"Tệp số liệu chỉ số không hợp lệ:\n{error}") from error
        self.stdout.write(f"Chỉ số: tạo mới {len(report.created)}, cập nhật {len(report.updated)}.")
        for difference in report.kept:
            reason = "đã được sửa trong trang quản trị" if difference.edited else "khác tệp"
            self.stdout.write(f"  Giữ nguyên {difference.key} ({reason}): {difference.fields}")
