from collections import Counter

from django.core.management.base import BaseCommand

from plan.content.provenance import FACT_LABELS
from plan.content.provenance_data import attach_provenance
from plan.models import Indicator, Task
from plan.vocabulary import FactOrigin


class Command(BaseCommand):
    help = "Đếm các thông tin trang web thêm vào Kế hoạch theo nguồn gốc: trích Kế hoạch, suy ra, do biên tập viên đặt."

    def handle(self, *args, **options):
        tasks = list(Task.objects.published().for_table())
        indicators = list(Indicator.objects.published().for_table())
        attach_provenance(tasks, indicators)
        counts = Counter()
        for obj in [*tasks, *indicators]:
            for fact, provenance in obj.provenance.items():
                counts[(fact, provenance.origin)] += 1
        origins = [*FactOrigin, None]
        headers = [FactOrigin(o).label if o else "Kế hoạch không nêu" for o in origins]
        self.stdout.write("| thông tin | " + " | ".join(headers) + " |")
        self.stdout.write("|" + " --- |" * (len(origins) + 1))
        totals = Counter()
        for fact, label in FACT_LABELS.items():
            cells = [counts[(fact, origin)] for origin in origins]
            totals.update(dict(zip(origins, cells, strict=True)))
            self.stdout.write(f"| {label} | " + " | ".join(str(c) for c in cells) + " |")
        self.stdout.write("| **tổng** | " + " | ".join(str(totals[o]) for o in origins) + " |")
