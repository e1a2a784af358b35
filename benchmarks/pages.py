"""What the public pages cost, against a bare Wagtail page served by the same process.

    .venv/bin/python benchmarks/pages.py [--rounds 11] [--scales 1,10,100]
    PROFILE_OUT=/tmp/area.prof .venv/bin/python benchmarks/pages.py --profile area --scales 1

Production settings (a database cache, pages cached in files, DEBUG off) on PostgreSQL (a throwaway cluster
unless DATABASE_URL is set, then a database "test_<name>" that is dropped after), with
the 2024 plan and its demo figures. Requests go through Django's test client, in one
process. Static files are served by the plain storage (no collectstatic manifest).

- uncached: the page cache off; per page, the queries of one request and the median time
  of interleaved rounds (each round requests every page, the bare page included,
  three times), and that median as a ratio to the bare page's: a plain `wagtailcore.Page`
  the benchmark creates, rendered with a one-line template;
- dashboard (cold summary): the dashboard's first request after a change (or at the start
  of a day), which works out the counts it then keeps (plan/public/dashboard_figures.py),
  the other dashboard rows reusing them as any request after the first does; not a target;
- area (cold): the area's first request after a change, which works out the counts it
  then keeps (plan/public/plan_wide.py); not a target;
- cached: the page cache on, the median time of a repeated anonymous request (and its
  queries: none, production keeps the pages in files);
- growth: tasks, indicators and their results multiplied by each scale (copies spread
  over the areas), the dashboard, plan, indicator, task, area and appendix pages timed at
  each (the area's tables and the appendix show 50 tasks at most), with the bare page as
  the control: the machine's own drift between scales shows in its times.

Targets: uncached, the plan, area, indicator, task and dashboard pages ≤ 15 queries and
≤ 5× the bare page; at 100×, the plan, indicator and task pages within 1.5× their time at
1×, the area and the dashboard within 3×. Figures go to stdout and benchmarks/results/pages.md."""

import argparse
import os
import statistics
import sys
import tempfile
import time
from contextlib import nullcontext
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

RESULTS = REPO / "benchmarks" / "results" / "pages.md"
PLAN = "/ke-hoach/cchc-2024/"
AREA = PLAN + "cai-cach-thu-tuc-hanh-chinh/"
PAGES = {
    "home": "/",
    "plan": PLAN,
    "area": AREA,
    "indicator": AREA + "chi-tieu/3-a-2/",
    "task": AREA + "nhiem-vu/3-4/",
    "appendix": PLAN + "phu-luc/",
    "dashboard": PLAN + "tien-do/",
    "search": "/tim-kiem/?q=mot+cua",
}
BARE = "/trang-tran/"
TARGETED = ("plan", "area", "indicator", "task", "dashboard")
COLD = "dashboard (cold summary)"  # requested with the dashboard's counts just dropped
AREA_COLD = "area (cold)"  # requested with the area's kept counts just dropped
COLD_PAGES = {COLD: "dashboard", AREA_COLD: "area"}
# The bare page is the control: its work does not grow with the data, so its drift
# from one scale to the next is the machine's, not the pages'.
GROWTH_PAGES = ("bare", "dashboard", COLD, "plan", "indicator", "task", "area", AREA_COLD, "appendix")
MAX_QUERIES, MAX_RATIO = 15, 5.0
MAX_GROWTH = {"dashboard": 3.0, "area": 3.0, "plan": 1.5, "indicator": 1.5, "task": 1.5}
HOST = "127.0.0.1"


def setup_django(database_url, page_cache_dir):
    os.environ.update(
        DATABASE_URL=database_url,
        PAGE_CACHE_DIR=str(page_cache_dir),
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY="benchmark-only-" + "x" * 50,
        ALLOWED_HOSTS=HOST,
        SECURE_SSL_REDIRECT="0",
    )
    import warnings

    import django

    warnings.filterwarnings("ignore", message="No directory at")  # no collectstatic: plain static storage
    django.setup()
    from django.db import connection

    if connection.vendor != "postgresql":
        raise SystemExit("DATABASE_URL phải là PostgreSQL.")
    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    from django.core.management import call_command
    from django.test import override_settings

    call_command("createcachetable", verbosity=0)
    call_command("load_plan", verbosity=0)
    with override_settings(DEMO_DATA_ALLOWED=True):  # production refuses them; the benchmark needs figures
        call_command("load_demo_results", stdout=open(os.devnull, "w"))  # noqa: SIM115


def settings_for_benchmark(template_dir):
    """Overrides: a one-line template for the bare page, plain static storage, no
    search rate limit (the benchmark sends hundreds of searches from one address)."""
    from django.conf import settings
    from django.test import override_settings

    templates = [dict(engine) for engine in settings.TEMPLATES]
    templates[0]["DIRS"] = [str(template_dir), *templates[0]["DIRS"]]
    plain = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
    storages = {**settings.STORAGES, "staticfiles": plain}
    return override_settings(TEMPLATES=templates, STORAGES=storages, RATELIMIT_ENABLE=False)


def make_bare_page(template_dir):
    from wagtail.models import Page, Site

    (template_dir / "wagtailcore").mkdir(parents=True)
    one_line = "<!doctype html><title>{{ page.title }}</title><p>{{ page.title }}</p>\n"
    (template_dir / "wagtailcore" / "page.html").write_text(one_line)
    root = Site.objects.get(is_default_site=True).root_page
    root.add_child(instance=Page(title="Trang trần", slug=BARE.strip("/")))


def get(client, url, name=None):
    if name in COLD_PAGES:
        drop_summary()
    started = time.perf_counter()
    response = client.get(url, HTTP_HOST=HOST)
    elapsed = (time.perf_counter() - started) * 1000
    assert response.status_code == 200, (url, response.status_code)
    rewarm(name)
    return elapsed, response


def rewarm(name):
    """After a cold request (a new generation), the other kept counts again, untimed:
    the area's after the dashboard's, the dashboard's (which the home page reads too)
    after the area's, so that the pages measured next are measured as any request
    after the first."""
    if name in COLD_PAGES:
        from django.test import Client

        for page in set(COLD_PAGES.values()) - {COLD_PAGES[name]}:
            Client().get(PAGES[page], HTTP_HOST=HOST)


def drop_summary():
    """A new page cache generation: what a change does, so the dashboard's counts, an
    area's and what every page of a plan says are worked out again (outside the time and
    queries measured)."""
    from plan.public.page_cache import new_generation

    new_generation()


def query_count(client, url, name=None):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    if name in COLD_PAGES:
        drop_summary()
    with CaptureQueriesContext(connection) as queries:
        get(client, url)
    count = len(queries)  # before another request empties Django's query log
    rewarm(name)
    return count


def url_of(name):
    return PAGES[COLD_PAGES[name]] if name in COLD_PAGES else PAGES.get(name, BARE)


def profile(client, url):
    import cProfile
    import pstats

    from django.test import override_settings

    with override_settings(PAGE_CACHE_SECONDS=0):
        get(client, url)
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(20):
            get(client, url)
        profiler.disable()
    profiler.dump_stats(os.environ.get("PROFILE_OUT", os.devnull))  # for pstats' callers/callees
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(45)
    pstats.Stats(profiler).sort_stats("tottime").print_stats(25)


def show_queries(client, names):
    from django.db import connection
    from django.test import override_settings
    from django.test.utils import CaptureQueriesContext

    with override_settings(PAGE_CACHE_SECONDS=0):
        for name in names:
            url = url_of(name)
            get(client, url)
            if name in COLD_PAGES:
                drop_summary()
            with CaptureQueriesContext(connection) as queries:
                get(client, url)
            print(f"## {name}: {len(queries)} queries")
            for query in queries:
                print(f"- {query['time']} {query['sql'][:300]}")


def timed_rounds(client, urls, rounds, repeat=3):
    """{name: [ms]} over interleaved rounds, after one warm-up request each."""
    times = {name: [] for name in urls}
    for url in urls.values():
        get(client, url)
    for _ in range(rounds):
        for name, url in urls.items():
            for _ in range(repeat):
                times[name].append(get(client, url, name)[0])
    return times


def measure_uncached(client, rounds):
    from django.test import override_settings

    with override_settings(PAGE_CACHE_SECONDS=0):
        urls = {"bare": BARE, **PAGES, **{name: url_of(name) for name in COLD_PAGES}}
        times = timed_rounds(client, urls, rounds)
        queries = {name: query_count(client, url, name) for name, url in urls.items()}
        sizes = {name: len(get(client, url)[1].content) for name, url in urls.items()}
    medians = {name: statistics.median(values) for name, values in times.items()}
    return medians, queries, sizes


def measure_cached(client, rounds):
    from django.test import override_settings

    with override_settings(PAGE_CACHE_SECONDS=600):
        urls = {name: url for name, url in PAGES.items() if name != "search"}  # the search is never cached
        times = timed_rounds(client, urls, rounds)
        queries = {name: query_count(client, url) for name, url in urls.items()}
    return {name: statistics.median(values) for name, values in times.items()}, queries


def clone(model, obj, **changes):
    values = {f.attname: getattr(obj, f.attname) for f in model._meta.concrete_fields if not f.primary_key}
    return model(**{**values, **changes})


def multiply(factor):
    """Grow the 1× content (the plan's own tasks and indicators; copies have ".x" in their codes) to
    `factor` times: copies with their topics, agencies, results and progress reports."""
    from plan.models import Indicator, Result, Task, TaskProgress

    tasks = list(Task.objects.exclude(code__contains=".x").prefetch_related("topics", "coordinating_agencies"))
    indicators = list(Indicator.objects.exclude(code__contains=".x").prefetch_related("topics"))
    have = Task.objects.count() // len(tasks)
    results = {}
    for result in Result.objects.filter(indicator__in=indicators):
        results.setdefault(result.indicator_id, []).append(result)
    reports = {r.task_id: r for r in TaskProgress.objects.filter(task__in=tasks)}
    for copy in range(have, factor):
        new_tasks = Task.objects.bulk_create(
            clone(Task, t, code=f"{t.code}.x{copy}", sort_order=t.sort_order + 300 * copy) for t in tasks
        )
        new_indicators = Indicator.objects.bulk_create(
            clone(Indicator, i, code=f"{i.code}.x{copy}", sort_order=i.sort_order + 300 * copy) for i in indicators
        )
        Task.topics.through.objects.bulk_create(
            Task.topics.through(task_id=new.pk, topic_id=topic.pk)
            for old, new in zip(tasks, new_tasks, strict=True)
            for topic in old.topics.all()
        )
        Task.coordinating_agencies.through.objects.bulk_create(
            Task.coordinating_agencies.through(task_id=new.pk, agency_id=agency.pk)
            for old, new in zip(tasks, new_tasks, strict=True)
            for agency in old.coordinating_agencies.all()
        )
        Indicator.topics.through.objects.bulk_create(
            Indicator.topics.through(indicator_id=new.pk, topic_id=topic.pk)
            for old, new in zip(indicators, new_indicators, strict=True)
            for topic in old.topics.all()
        )
        Result.objects.bulk_create(
            clone(Result, r, indicator_id=new.pk)
            for old, new in zip(indicators, new_indicators, strict=True)
            for r in results.get(old.pk, [])
        )
        TaskProgress.objects.bulk_create(
            clone(TaskProgress, reports[old.pk], task_id=new.pk, task_code=new.code)
            for old, new in zip(tasks, new_tasks, strict=True)
            if old.pk in reports
        )
    from django.db import connection

    from plan.progress import state

    state.refresh_all()  # the copies' stored state, as the import service would store it
    with connection.cursor() as cursor:
        # What autovacuum does after a bulk load (PostgreSQL vacuums tables on inserts
        # too): statistics, and the visibility map that lets a count read an index alone.
        cursor.execute("VACUUM ANALYZE")
    return Task.objects.count(), Indicator.objects.count(), Result.objects.count()


def measure_growth(client, scales, rounds):
    from django.test import override_settings

    rows = []
    with override_settings(PAGE_CACHE_SECONDS=0):
        for scale in scales:
            counts = multiply(scale)
            urls = {name: url_of(name) for name in GROWTH_PAGES}
            times = timed_rounds(client, urls, rounds)
            queries = {name: query_count(client, url, name) for name, url in urls.items()}
            kb = len(get(client, PAGES["dashboard"])[1].content) / 1024
            rows.append((scale, counts, {n: statistics.median(v) for n, v in times.items()}, queries, kb))
            print(f"{scale}×: {counts[0]} nhiệm vụ, {counts[1]} chỉ tiêu, {counts[2]} kết quả", flush=True)
    return rows


def verdict(ok):
    return "met" if ok else "NOT met"


def report(uncached, cached, growth, rounds):
    medians, queries, sizes = uncached
    cached_ms, cached_queries = cached
    bare = medians["bare"]
    lines = [
        "# Public pages: queries and time",
        "",
        "Production settings (database cache, pages cached in files, DEBUG off), PostgreSQL, "
        "the 2024 plan with its demo figures; "
        f"Django's test client in one process; medians of {rounds} interleaved rounds of 3 requests; milliseconds.",
        f"Bare page: a plain `wagtailcore.Page` with a one-line template, {queries['bare']} queries, {bare:.1f} ms.",
        "Cached: the page cache on, a repeated anonymous request (production keeps the pages in files).",
        "",
        "| page | queries | uncached ms | ÷ bare page | KB | cached ms | cached queries |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name in [*PAGES, *COLD_PAGES]:
        cached_cell = f"{cached_ms[name]:.2f} | {cached_queries[name]}" if name in cached_ms else "never cached | –"
        if name in COLD_PAGES:
            cached_cell = f"as {COLD_PAGES[name]} | –"
        lines.append(
            f"| {name} | {queries[name]} | {medians[name]:.1f} | {medians[name] / bare:.1f}× "
            f"| {sizes[name] / 1024:.1f} | {cached_cell} |"
        )
    ok_queries = all(queries[n] <= MAX_QUERIES for n in TARGETED)
    ok_ratio = all(medians[n] / bare <= MAX_RATIO for n in TARGETED)
    lines += [
        "",
        f"Targets ({', '.join(TARGETED)}): ≤ {MAX_QUERIES} queries: {verdict(ok_queries)}; "
        f"≤ {MAX_RATIO:g}× the bare page: {verdict(ok_ratio)}.",
        f"The dashboard keeps its counts until something changes or the day ends; its first request "
        f"after that ({COLD}) takes {medians[COLD] / bare:.1f}× the bare page (not a target). "
        f"An area keeps its counts the same way (plan/public/plan_wide.py): its first request after a change "
        f"({AREA_COLD}) takes {medians[AREA_COLD] / bare:.1f}× (not a target).",
    ]
    if growth:
        lines += [
            "",
            f"## Growth with the data (uncached; medians of {rounds} interleaved rounds of 3 requests)",
            "",
            "| scale | tasks | indicators | results | "
            + " | ".join(f"{n} ms (queries)" for n in GROWTH_PAGES)
            + " | dashboard KB |",
            "| --- | ---: | ---: | ---: | " + " | ".join("---:" for _ in GROWTH_PAGES) + " | ---: |",
        ]
        for scale, counts, times, counted, kb in growth:
            cells = " | ".join(f"{times[n]:.1f} ({counted[n]})" for n in GROWTH_PAGES)
            lines.append(f"| {scale}× | {counts[0]} | {counts[1]} | {counts[2]} | {cells} | {kb:.0f} |")
        first, last = growth[0], growth[-1]
        ratios = {n: last[2][n] / first[2][n] for n in GROWTH_PAGES}
        lines += [
            "",
            f"From {first[0]}× to {last[0]}×: "
            + "; ".join(
                f"{n} {ratios[n]:.2f}× (target ≤ {MAX_GROWTH[n]:g}×: {verdict(ratios[n] <= MAX_GROWTH[n])})"
                if n in MAX_GROWTH
                else f"{n} {ratios[n]:.2f}× ({'the control' if n == 'bare' else 'no target'})"
                for n in GROWTH_PAGES
            )  # fmt: skip
            + ".",
        ]
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=11)
    parser.add_argument("--scales", default="1,10,100", help="comma-separated; empty for no growth")
    parser.add_argument("--keep", action="store_true", help="write benchmarks/results/pages.md (default: all scales)")
    parser.add_argument("--show-queries", default="", help="pages (comma-separated): SQL at the last scale")
    parser.add_argument("--profile", default="", help="a page: cProfile of 20 requests at the last scale, then stop")
    args = parser.parse_args()
    scales = [int(s) for s in args.scales.split(",") if s]

    database_url = os.environ.get("DATABASE_URL")
    if database_url:
        cluster = nullcontext(database_url)
    else:
        from pgcluster import throwaway_cluster

        cluster = throwaway_cluster()
    started = time.monotonic()
    with cluster as url, tempfile.TemporaryDirectory() as folder:
        setup_django(url, Path(folder) / "page-cache")
        try:
            with settings_for_benchmark(Path(folder)):
                from django.test import Client

                make_bare_page(Path(folder))
                client = Client()
                if args.profile:
                    multiply(scales[-1] if scales else 1)
                    profile(client, url_of(args.profile))
                    return
                if args.show_queries:
                    multiply(scales[-1] if scales else 1)
                    show_queries(client, args.show_queries.split(","))
                    return
                print("Đang đo…", flush=True)
                uncached = measure_uncached(client, args.rounds)
                cached = measure_cached(client, args.rounds)
                growth = measure_growth(client, scales, args.rounds)
                text = report(uncached, cached, growth, args.rounds)
        finally:
            from django.db import connection

            connection.creation.destroy_test_db(connection.settings_dict["NAME"].removeprefix("test_"), verbosity=0)
    text += f"\nRun time: {time.monotonic() - started:.0f} s (`.venv/bin/python benchmarks/pages.py`).\n"
    if args.keep or scales == [1, 10, 100]:
        RESULTS.parent.mkdir(exist_ok=True)
        RESULTS.write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
