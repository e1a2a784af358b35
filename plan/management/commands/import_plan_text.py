from django.core.management.base import BaseCommand, CommandError

from plan.content.draft_plan import DraftPlanError, create_draft_plan
from plan.content.plan_text import parse_plan_text
from plan.content.plan_text_read import PlanTextError, read_plan_text
from plan.models.reference import Agency


class Command(BaseCommand):
    help = (
        "Đọc văn bản một Kế hoạch CCHC (tệp .txt UTF-8 hoặc .docx) thành bản nháp trong trang quản trị: "
        "không xuất bản gì. In báo cáo: đã đọc gì, đọc được chỉ tiêu nào thành số liệu, việc gì cần biên tập viên."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="Tệp văn bản Kế hoạch (.txt hoặc .docx).")
        parser.add_argument("--dry-run", action="store_true", help="Chỉ đọc và in báo cáo, không tạo bản nháp.")

    def handle(self, *args, path, dry_run, **options):
        try:
            text = read_plan_text(path)
        except PlanTextError as error:
            raise CommandError(str(error)) from error
        data, report = parse_plan_text(text, Agency.objects.values_list("code", "name"))
        if not dry_run:
            try:
                plan = create_draft_plan(data, report)
            except DraftPlanError as error:
                self.print_report(report)
                raise CommandError(f"{error}") from error
            report.read.append(f"Bản nháp: trang quản trị, trang số {plan.pk}.")
        self.print_report(report)

    def print_report(self, report):
        for title, lines in (
            ("Đã đọc", report.read),
            ("Đọc được thành số liệu", report.parsed),
            ("Cần biên tập viên", report.needs_editor),
        ):
            self.stdout.write(f"{title} ({len(lines)}):")
            for line in lines:
                self.stdout.write(f"  - {line}")
