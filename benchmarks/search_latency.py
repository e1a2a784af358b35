"""Search latency on PostgreSQL with 10,000 tasks and indicators.

    .venv/bin/python benchmarks/search_latency.py [--items 10000] [--repeat 25]

For each query of QUERIES, times the search page's query (the full-text searches
of tasks and indicators it runs, through Wagtail's search API)
beside the raw SQL it issues, replayed through a cursor; then, for comparison, everything the page
computes (search.service.search) beside all its SQL, and the whole HTTP page.
Prints medians and 95th percentiles, per query and overall, and the ratios of the
medians. Targets for the query: p95 under 50 ms; median within 1.5× of the raw SQL.

Uses DATABASE_URL when set (it must be PostgreSQL; the benchmark works in a
separate throwaway database "test_<name>" and drops it), otherwise starts its own
throwaway cluster (benchmarks/pgcluster.py). Figures go to stdout and to
benchmarks/results/search_latency.md."""

import argparse
import os
import random
import statistics
import sys
import time
from contextlib import nullcontext
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

RESULTS = REPO / "benchmarks" / "results" / "search_latency.md"
TARGET_P95_MS = 50
TARGET_RATIO = 1.5

# Typical queries: with and without diacritics, phrases, agency names, codes,
# filters, one that matches nothing (and so also runs the any-word fallback).
QUERIES = [
    "q=thanh+toan+truc+tuyen",
    "q=thanh+toán+trực+tuyến",
    "q=chữ+ký+số",
    "q=so+hoa+ho+so",
    "q=một+cửa+liên+thông",
    "q=van+phong+ubnd+tinh",
    "q=kiem+soat+thu+tuc+hanh+chinh",
    "q=dich+vu+cong+truc+tuyen&type=indicator",
    "q=an+toàn+thông+tin&type=task",
    "q=3.4",
    "q=dao+tao+boi+duong&agency=so-noi-vu",
    "q=khong+co+tu+nao+khop+xyzw",
]


NAMES = ("query", "raw_query", "search", "raw_search", "page")


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))]


def setup_django(database_url):
    os.environ["DATABASE_URL"] = database_url
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.test"
    os.environ.pop("ELASTICSEARCH_URL", None)
    import django

    django.setup()
    from django.db import connection

    if connection.vendor != "postgresql":
        raise SystemExit("DATABASE_URL phải là PostgreSQL.")
    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    from django.core.management import call_command

    call_command("load_plan", verbosity=0)


def vocabulary():
    from plan.models import Indicator, Task
    from search.folding import words

    texts = [task.text for task in Task.objects.all()] + [i.statement for i in Indicator.objects.all()]
    return sorted({word for text in texts for word in words(text) if len(word) > 1})


def fill(total, seed=2024):
    """Copies of the plan's tasks and indicators, each with a few random words of
    the plan added, spread over the areas, until there are `total` of both."""
    from wagtail.search.backends import get_search_backend

    from plan.models import Agency, Indicator, Task

    rng = random.Random(seed)
    words = vocabulary()
    agencies = list(Agency.objects.all())
    tasks = list(Task.objects.select_related("lead_agency"))
    indicators = list(Indicator.objects.select_related("responsible_agency"))
    task_topics = list(Task.topics.through.objects.values_list("task_id", "topic_id"))
    indicator_topics = list(Indicator.topics.through.objects.values_list("indicator_id", "topic_id"))
    topics_of = {}
    for task_id, topic_id in task_topics:
        topics_of.setdefault(("t", task_id), []).append(topic_id)
    for indicator_id, topic_id in indicator_topics:
        topics_of.setdefault(("i", indicator_id), []).append(topic_id)
    backend = get_search_backend()
    missing = total - len(tasks) - len(indicators)
    new_tasks = missing * len(tasks) // (len(tasks) + len(indicators))
    new_indicators = missing - new_tasks

    def noise():
        return " ".join(rng.choice(words) for _ in range(rng.randint(3, 8)))

    batch = 500
    for start in range(0, new_tasks, batch):
        clones = []
        for n in range(start, min(start + batch, new_tasks)):
            model = tasks[n % len(tasks)]
            clones.append(
                Task(
                    area_id=model.area_id,
                    code=f"{model.code}.b{n}",
                    text=f"{model.text} {noise()}",
                    output=model.output,
                    lead_agency=rng.choice(agencies),
                    deadline_text=model.deadline_text,
                    sort_order=1000 + n,
                )
            )
            clones[-1].model_pk = model.pk
        Task.objects.bulk_create(clones)
        Task.topics.through.objects.bulk_create(
            Task.topics.through(task_id=clone.pk, topic_id=topic)
            for clone in clones
            for topic in topics_of.get(("t", clone.model_pk), [])
        )
        backend.add_bulk(Task, clones)
    for start in range(0, new_indicators, batch):
        clones = []
        for n in range(start, min(start + batch, new_indicators)):
            model = indicators[n % len(indicators)]
            clones.append(
                Indicator(
                    code=f"{model.code}.x{n}",
                    area_id=model.area_id,
                    bullet=model.bullet,
                    sort_order=1000 + n,
                    original_wording=model.original_wording,
                    statement=f"{model.statement} {noise()}",
                    metric=model.metric,
                    unit=model.unit,
                    comparator=model.comparator,
                    target_value=model.target_value,
                    target_value_max=model.target_value_max,
                    level=model.level,
                    responsible_agency=rng.choice(agencies),
                    frequency=model.frequency,
                    live=True,
                )
            )
            clones[-1].model_pk = model.pk
        Indicator.objects.bulk_create(clones)
        Indicator.topics.through.objects.bulk_create(
            Indicator.topics.through(indicator_id=clone.pk, topic_id=topic)
            for clone in clones
            for topic in topics_of.get(("i", clone.model_pk), [])
        )
        backend.add_bulk(Indicator, clones)
    from django.db import connection

    with connection.cursor() as cursor:
        # What autovacuum does after a bulk load: flush the GIN indexes' pending
        # lists (searches scan them entry by entry) and gather statistics.
        cursor.execute("VACUUM ANALYZE")
    return Task.objects.count() + Indicator.objects.count()


def captured_sql(run):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        run()
    return [query["sql"] for query in queries.captured_queries]


def time_ms(run):
    started = time.perf_counter()
    run()
    return (time.perf_counter() - started) * 1000


def replay(statements):
    from django.db import connection

    def run():
        with connection.cursor() as cursor:
            for sql in statements:
                cursor.execute(sql)
                if cursor.description is not None:
                    cursor.fetchall()

    return run


class QueryTimer:
    """Times the full-text searches of tasks and indicators that search.service runs
    (search.candidates.backend_hits: the statement built, run, its rows read) and notes
    which of the captured SQL statements they are."""

    def __init__(self):
        self.ms, self.statements = 0.0, []

    def __enter__(self):
        from search import candidates

        self.original = candidates.backend_hits

        def timed(*args, **kwargs):
            from django.db import connection

            before = len(connection.queries_log)
            started = time.perf_counter()
            hits = self.original(*args, **kwargs)
            self.ms += (time.perf_counter() - started) * 1000
            self.statements += [query["sql"] for query in list(connection.queries_log)[before:]]
            return hits

        candidates.backend_hits = timed
        return self

    def __exit__(self, *exc):
        from search import candidates

        candidates.backend_hits = self.original


def measure(repeat):
    """Per query of QUERIES: the page's full-text searches, the whole search and
    the whole page, with the raw SQL of the first two."""
    from django.http import QueryDict
    from django.test import Client

    from search import params, service

    client = Client()
    backend = service.get_backend()
    rows = []
    for query in QUERIES:
        parsed = params.parse(QueryDict(query))

        def run_search(parsed=parsed, backend=backend):
            return service.search(parsed, backend)

        def run_page(query=query):
            assert client.get("/tim-kiem/?" + query).status_code == 200

        for _ in range(3):  # warm caches (site root paths, connection, analysed texts)
            run_search()
            run_page()
        with QueryTimer() as timer:
            all_statements = captured_sql(run_search)
        raw_query, raw_search = replay(timer.statements), replay(all_statements)
        row = {
            "label": query,
            "results": run_search().total,
            "statements": f"{len(timer.statements)} + {len(all_statements) - len(timer.statements)}",
        }
        for name in NAMES:
            row[name] = []
        for _ in range(repeat):
            with QueryTimer() as timer:
                row["search"].append(time_ms(run_search))
            row["query"].append(timer.ms)
            row["raw_query"].append(time_ms(raw_query))
            row["raw_search"].append(time_ms(raw_search))
            row["page"].append(time_ms(run_page))
        rows.append(row)
    return rows


def summary(values):
    return statistics.median(values), percentile(values, 0.95)


def report(rows, items, repeat):
    from search.candidates import CANDIDATE_LIMIT

    def cells(row):
        parts = []
        for name in NAMES:
            median, p95 = summary(row[name])
            parts.append(f"{median:.1f} / {p95:.1f}")
        ratio_query = statistics.median(row["query"]) / statistics.median(row["raw_query"])
        ratio_search = statistics.median(row["search"]) / statistics.median(row["raw_search"])
        return parts, ratio_query, ratio_search

    lines = [
        f"# Search latency, PostgreSQL, {items} tasks and indicators",
        "",
        f"{repeat} runs per query on one machine; milliseconds, as median / 95th percentile.",
        "",
        "- **query**: the full-text search queries the search page runs (search.candidates.backend_hits, through "
        f"Wagtail's search API: tasks and indicators, the best {CANDIDATE_LIMIT} of each, and the search for items "
        "that lack one word when none has them all: the statement built, run, its rows read);",
        "- **raw query**: the same SQL statements replayed through a cursor;",
        "- **search**: everything the page computes (search.service.search: reference lists, the queries above, "
        "facet data and statuses, re-ranking, facet counts, the page of results with excerpts);",
        "- **raw search**: all the SQL statements that computation sends, replayed through a cursor;",
        "- **page**: the whole HTTP response with its HTML, through Django's test client.",
        "",
        "| query | results / SQL statements (query + rest) | query | raw query | ratio "
        "| search | raw search | ratio | page |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for row in rows:
        parts, ratio_query, ratio_search = cells(row)
        lines.append(
            f"| `{row['label']}` | {row['results']} / {row['statements']} | {parts[0]} | {parts[1]} "
            f"| {ratio_query:.2f} | {parts[2]} | {parts[3]} | {ratio_search:.2f} | {parts[4]} |"
        )
    everything = {name: [v for row in rows for v in row[name]] for name in NAMES}
    parts, ratio_query, ratio_search = cells(everything)
    lines.append(
        f"| **all queries** | | {parts[0]} | {parts[1]} | {ratio_query:.2f} "
        f"| {parts[2]} | {parts[3]} | {ratio_search:.2f} | {parts[4]} |"
    )
    query_p95, search_p95 = percentile(everything["query"], 0.95), percentile(everything["search"], 0.95)

    def verdict(ok):
        return "met" if ok else "NOT met"

    lines += [
        "",
        f"Targets for the search page's query: p95 < {TARGET_P95_MS} ms: {verdict(query_p95 < TARGET_P95_MS)} "
        f"({query_p95:.1f} ms); median within {TARGET_RATIO}× of the raw query: {verdict(ratio_query <= TARGET_RATIO)} "
        f"({ratio_query:.2f}×).",
        f"The whole search, for comparison: p95 {search_p95:.1f} ms ({verdict(search_p95 < TARGET_P95_MS)} against "
        f"{TARGET_P95_MS} ms); median {ratio_search:.2f}× its raw SQL.",
    ]
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=25)
    args = parser.parse_args()

    database_url = os.environ.get("DATABASE_URL")
    if database_url:
        cluster = nullcontext(database_url)
    else:
        from pgcluster import throwaway_cluster

        cluster = throwaway_cluster()
    with cluster as url:
        setup_django(url)
        try:
            items = fill(args.items)
            print(f"{items} nhiệm vụ và chỉ tiêu; đang đo…", flush=True)
            text = report(measure(args.repeat), items, args.repeat)
        finally:
            from django.db import connection

            connection.creation.destroy_test_db(connection.settings_dict["NAME"].removeprefix("test_"), verbosity=0)
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
