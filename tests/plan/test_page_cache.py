"""Anonymous visitors get pages from the full-page cache, without a query, and see a
publication on the very next request; conditional GETs get 304; editors and the
search are never served from it."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.cache import caches
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from plan.models import AreaPage, Indicator, PlanPage, Result, Task, UpdatePage
from plan.results.importer import import_rows

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]

AREA = "/ke-hoach/cchc-2024/cai-cach-thu-tuc-hanh-chinh/"


@pytest.fixture(params=["default", "files"])
def page_cache(request, tmp_path, settings):
    """The pages in the default cache (local memory in the tests), or in a cache of
    their own in files, as production keeps them."""
    caches = dict(settings.CACHES)
    if request.param == "files":
        caches["pages"] = {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache", "LOCATION": str(tmp_path)}
    with override_settings(PAGE_CACHE_SECONDS=600, CACHES=caches):
        yield request.param


def queries_for(client, url, **headers):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **headers)
    return response, len(queries)


def test_a_repeated_anonymous_request_costs_no_query(client):
    first, first_queries = queries_for(client, AREA)
    again, again_queries = queries_for(client, AREA)
    assert first_queries > 5 and again_queries == 0
    assert again.content == first.content
    assert again["Cache-Control"] == "public, max-age=60" and again["ETag"] == first["ETag"]
    assert again["X-Frame-Options"] == "DENY" and again["X-Content-Type-Options"] == "nosniff"  # headers kept


@pytest.mark.parametrize("encoding", ["", "gzip", "gzip, br"])
def test_a_hit_carries_the_headers_of_the_middleware_it_skips_and_its_length(client, encoding):
    first = client.get(AREA, HTTP_ACCEPT_ENCODING=encoding)
    again = client.get(AREA, HTTP_ACCEPT_ENCODING=encoding)
    for header in ("Content-Security-Policy", "Permissions-Policy", "X-Frame-Options", "Content-Language"):
        assert again[header] == first[header], header
    assert "script-src 'self'" in again["Content-Security-Policy"] and "camera=()" in again["Permissions-Policy"]
    assert int(again["Content-Length"]) == len(again.content) == len(first.content)


def test_pages_go_to_their_own_cache_when_there_is_one(client, page_cache, tmp_path):
    client.get(AREA)
    written = [path for path in tmp_path.rglob("*") if path.is_file()]
    assert len(written) == (5 if page_cache == "files" else 0)  # the generation; the page plain, zstd, br, gzip
    default_keys = list(getattr(caches["default"], "_cache", {}))
    assert any(":plan:page:" in key for key in default_keys) == (page_cache == "default")


def test_a_conditional_get_gets_304(client):
    etag = client.get(AREA)["ETag"]
    assert client.get(AREA, HTTP_IF_NONE_MATCH=etag).status_code == 304


def test_a_publication_shows_on_the_next_request(client, admin_user):
    client.get(AREA)
    area = AreaPage.objects.get(slug="cai-cach-thu-tuc-hanh-chinh")
    area.heading_as_written = "Tiêu đề vừa xuất bản"
    area.save_revision(user=admin_user).publish(user=admin_user)
    assert "Tiêu đề vừa xuất bản" in client.get(AREA).content.decode()


def test_an_imported_figure_shows_on_the_next_request(client):
    indicator = Indicator.objects.get(code="3.a.2")
    client.get(indicator.get_url())
    row = {"ma_chi_tieu": "3.a.2", "ky": "2024-Q1", "gia_tri": "88,8", "nguon": "Nguồn", "ngay_thu_thap": "15/04/2024"}
    assert import_rows(lambda: [(2, row)]).written
    assert "88,8%" in client.get(indicator.get_url()).content.decode()


def test_a_figure_entered_by_hand_shows_on_the_next_request(client):
    indicator = Indicator.objects.get(code="3.a.2")
    client.get(indicator.get_url())
    Result.objects.create(
        indicator=indicator, period="2024-Q2", value=Decimal("91.7"), source_name="Nguồn", captured_on=date(2024, 7, 1)
    )
    assert "91,7%" in client.get(indicator.get_url()).content.decode()


def test_editors_and_the_search_are_never_served_from_the_cache(client, admin_client):
    client.get(AREA)
    response, queries = queries_for(admin_client, AREA)  # a session: computed for the editor
    assert queries > 0 and "public" not in response.get("Cache-Control", "")
    client.get("/tim-kiem/?q=mot+cua")
    _response, queries = queries_for(client, "/tim-kiem/?q=mot+cua")
    assert queries > 0


@pytest.mark.parametrize("kind", ["rss", "atom"])
def test_feeds_are_cached_and_a_new_update_shows_on_the_next_request(client, kind):
    feed = f"/ke-hoach/cchc-2024/tin-cap-nhat/{kind}/"
    first, first_queries = queries_for(client, feed)
    again, again_queries = queries_for(client, feed)
    assert first["Content-Type"].startswith(f"application/{kind}+xml")
    assert first_queries > 0 and again_queries == 0 and again.content == first.content
    plan = PlanPage.objects.get(slug="cchc-2024")
    update = UpdatePage(
        title="Tin vừa đăng", slug="tin-vua-dang", summary="Tóm tắt", body="<p>Nội dung</p>", date=date(2024, 6, 1)
    )
    plan.add_child(instance=update)
    update.save_revision().publish()
    assert "Tin vừa đăng" in client.get(feed).content.decode()


def test_a_new_site_address_shows_in_the_sitemap_on_the_next_request(client):
    from plan.content.site_address import set_site_address

    feed = "/sitemap.xml"
    assert "https://cchc.thu-nghiem.example/" not in client.get(feed).content.decode()  # cached
    set_site_address("https://cchc.thu-nghiem.example")
    assert "https://cchc.thu-nghiem.example/ke-hoach/cchc-2024/" in client.get(feed).content.decode()


ALL_ENCODINGS = "gzip, deflate, br, zstd"


def decoded(response):
    import gzip

    import brotli
    import zstandard

    decode = {"br": brotli.decompress, "gzip": gzip.decompress, "zstd": zstandard.ZstdDecompressor().decompress}
    encoding = response.get("Content-Encoding")
    return decode[encoding](response.content) if encoding else response.content


@pytest.mark.parametrize(
    ("accept", "encoding"), [("gzip, br", "br"), ("gzip", "gzip"), (ALL_ENCODINGS, "zstd"), ("", None)]
)
def test_a_hit_sends_the_body_encoded_when_it_was_stored(client, monkeypatch, accept, encoding):
    import compression_middleware.middleware as compression

    plain = client.get(AREA, HTTP_ACCEPT_ENCODING="").content  # stored, with its encodings
    calls = []

    def counted(name, compress):
        return lambda content: calls.append(name) or compress(content)

    counting = [(name, counted(name, compress), stream) for name, compress, stream in compression.compressors]
    monkeypatch.setattr(compression, "compressors", tuple(counting))
    hit, queries = queries_for(client, AREA, HTTP_ACCEPT_ENCODING=accept)
    assert queries == 0 and calls == []  # neither the page cache nor the middleware compressed it again
    assert hit.get("Content-Encoding") == encoding
    assert "Accept-Encoding" in hit["Vary"]
    assert decoded(hit) == plain
    if encoding:
        assert len(hit.content) < len(plain) / 3
        assert hit["ETag"].startswith('W/"')


def test_a_miss_is_encoded_once_and_sent_as_a_hit_would_be(client):
    miss = client.get(AREA, HTTP_ACCEPT_ENCODING="gzip, br")
    hit = client.get(AREA, HTTP_ACCEPT_ENCODING="gzip, br")
    assert miss["Content-Encoding"] == hit["Content-Encoding"] == "br"
    assert miss.content == hit.content and miss["ETag"] == hit["ETag"]


def reads_of_a_hit(client, monkeypatch, **headers):
    from plan.public import page_cache

    store, read = page_cache.store(), []
    monkeypatch.setattr(page_cache, "store", lambda: store)
    monkeypatch.setattr(store, "get", lambda key, *args, get=store.get: read.append(key) or get(key, *args))
    hit = client.get(AREA, **headers)
    monkeypatch.undo()
    return hit, read


def test_a_hit_in_the_worker_that_served_the_page_reads_only_the_generation(client, monkeypatch):
    from plan.public import page_cache

    client.get(AREA, HTTP_ACCEPT_ENCODING="gzip, br")
    hit, read = reads_of_a_hit(client, monkeypatch, HTTP_ACCEPT_ENCODING="gzip, br")
    assert hit["Content-Encoding"] == "br" and read == [page_cache.GENERATION_KEY]


def test_another_worker_reads_the_generation_and_the_one_body_it_sends(client, monkeypatch):
    from plan.public import page_cache

    miss = client.get(AREA, HTTP_ACCEPT_ENCODING="gzip, br")
    page_cache.served.clear()  # the memory of a worker that has not served the page
    hit, read = reads_of_a_hit(client, monkeypatch, HTTP_ACCEPT_ENCODING="gzip, br")
    assert hit["Content-Encoding"] == "br" and hit.content == miss.content
    assert read[0] == page_cache.GENERATION_KEY and len(read) == 2 and read[1].endswith(":br")
    again, read = reads_of_a_hit(client, monkeypatch, HTTP_ACCEPT_ENCODING="gzip, br")
    assert again.content == miss.content and read == [page_cache.GENERATION_KEY]  # now kept in its memory


def test_a_worker_that_kept_a_page_serves_the_change_made_through_another(client):
    from plan.public import page_cache

    task = Task.objects.filter(area__url_path__endswith="/cai-cach-thu-tuc-hanh-chinh/").order_by("sort_order").first()
    assert task.text in client.get(AREA).content.decode()
    Task.objects.filter(pk=task.pk).update(text="Nội dung đã sửa ở máy chủ khác")  # no signal in this worker
    page_cache.new_generation()  # what the other worker's signal does, in the shared store
    assert "Nội dung đã sửa ở máy chủ khác" in client.get(AREA).content.decode()


def test_a_page_larger_than_the_memory_is_served_from_the_shared_store(client, monkeypatch):
    from plan.public import page_cache

    monkeypatch.setattr(page_cache, "served", page_cache.memory(100))
    miss = client.get(AREA)
    assert len(page_cache.served) == 0
    hit, read = reads_of_a_hit(client, monkeypatch)
    assert hit.content == miss.content and len(read) == 2


def test_a_conditional_get_of_an_encoded_hit_gets_304(client):
    etag = client.get(AREA, HTTP_ACCEPT_ENCODING="gzip, br")["ETag"]
    assert etag.startswith('W/"')
    assert client.get(AREA, HTTP_ACCEPT_ENCODING="gzip, br", HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert client.get(AREA, HTTP_IF_NONE_MATCH=etag).status_code == 304  # the same page, whatever its encoding


def test_a_short_body_is_stored_plain(client):
    response = client.get("/robots.txt", HTTP_ACCEPT_ENCODING="gzip, br")
    again = client.get("/robots.txt", HTTP_ACCEPT_ENCODING="gzip, br")
    assert len(again.content) < 500 and not again.has_header("Content-Encoding")
    assert again.content == response.content
