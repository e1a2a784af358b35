from django.core.management.base import BaseCommand, CommandError

from plan.content.draft_plan import DraftPlanError, create_draft_plan
from plan.content.plan_text import parse_plan_text
from plan.content.plan_text_read import PlanTextError, read_plan_text
from plan.models import Agency, PlanPage


class Command(BaseCommand):
    help = (
        "Đọc văn bản một Kế hoạch CCHC (tệp .txt UTF-8 hoặc .docx) thành bản nháp trong trang quản trị: "
        "không xuất bản gì. In báo cáo: đã đọc gì, đọc được chỉ tiêu nào thành số liệu, việc gì cần biên tập viên."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="Tệp văn bản Kế hoạch (.txt hoặc .docx).")
        parser.add_argument("--dry-run", action="store_true", help="Chỉ đọc và in báo cáo, không tạo bản nháp.")
        parser.add_argument(
            "--follows",
            metavar="ĐỊA-CHỈ",
            help="Địa chỉ (slug) của kế hoạch năm trước, ví dụ cchc-2024. Mặc định: kế hoạch đã đăng của năm trước đó.",
        )

    def handle(self, *args, path, dry_run, follows=None, **options):
        try:
            text = read_plan_text(path)
        except PlanTextError as error:
            raise CommandError(str(error)) from error
        data, report = parse_plan_text(text, Agency.objects.values_list("code", "name"))
        predecessor = self.predecessor(follows, data["plan"]["year"])
        if not dry_run:
            try:
                plan = create_draft_plan(data, report, predecessor=predecessor)
            except DraftPlanError as error:
                self.print_report(report)
                raise CommandError(f"{error}") from error
            report.read.append(f"Bản nháp: trang quản trị, trang số {plan.pk}.")
        self.print_report(report)

    def predecessor(self, slug, year):
        if slug:
            plan = PlanPage.objects.filter(slug=slug).first()
            if plan is None:
                raise CommandError(f"Không có kế hoạch ở địa chỉ “{slug}”.")
            return plan
        if year is None:
            return None
        return PlanPage.objects.live().filter(year=year - 1).order_by("-pk").first()

    def print_report(self, report):
        for title, lines in (
            ("Đã đọc", report.read),
            ("Đọc được thành số liệu", report.parsed),
            ("Cần biên tập viên", report.needs_editor),
        ):
            self.stdout.write(f"{title} ({len(lines)}):")
            for line in lines:
                self.stdout.write(f"  - {line}")
