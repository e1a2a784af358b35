"""The outbound fetcher and the sync run under attack (issue 11): URL forms that hide
another host, DNS rebinding, a server that sends a byte at a time, refused bodies,
and failures that must not stop the run. The public internet cannot be reached
here: the test server on 127.0.0.1 plays the source, and DNS is simulated by
replacing socket.getaddrinfo (no public resolver is reachable)."""

import io
import socket
import time

import pytest
from django.core.management import CommandError, call_command
from urllib3.util import connection as urllib3_connection

from plan.models import Result
from plan.results.fetch import FetchError, check_url, parse_source_url
from tests.plan.test_sync_results import SLOW_SOURCE_TIMEOUT, Handler, make_source, run_sync, serve_sources

pytestmark = pytest.mark.django_db


@pytest.fixture
def source_server(settings):
    yield from serve_sources(settings)


@pytest.mark.parametrize(
    "url, message",
    [
        ("http://127.0.0.1:8302\\@dichvucong.gov.vn/x.csv", "gạch chéo ngược"),
        ("http://127.0.0.1:8302/\\@dichvucong.gov.vn/x.csv", "gạch chéo ngược"),
        ("http://dichvucong.gov.vn@127.0.0.1:8302/x.csv", "tên đăng nhập"),
        ("http://user:mat-khau@dichvucong.gov.vn/x.csv", "tên đăng nhập"),
        ("http://dichvucong.gov.vn:99999/x.csv", "Cổng trong địa chỉ nguồn không hợp lệ"),
        ("http://dichvucong.gov.vn:8302/x.csv", "RESULT_SOURCES_ALLOWED_PORTS"),
        ("gopher://dichvucong.gov.vn/x.csv", "http:// hoặc https://"),
        ("http://dichvucong.gov.vn /x.csv", "khoảng trắng"),
        ("http://dichvucong.gov.vn\tx/x.csv", "ký tự điều khiển"),
        ("http://dichvucong.gov.vn.evil.example/x.csv", "không nằm trong danh sách"),
        ("http://[::1]/x.csv", "không nằm trong danh sách"),
    ],
)
def test_url_forms_that_hide_another_host_or_port_are_refused_before_any_lookup(url, message, monkeypatch):
    def no_lookup(*args, **kwargs):
        raise AssertionError("refused before any DNS lookup")

    monkeypatch.setattr(socket, "getaddrinfo", no_lookup)
    with pytest.raises(FetchError, match=message):
        parse_source_url(url, ["dichvucong.gov.vn", ".dichvucong.gov.vn"])


def test_the_backslash_form_saved_as_a_source_never_reaches_the_internal_server(source_server, settings):
    settings.RESULT_SOURCES_ALLOWED_HOSTS = ["dichvucong.gov.vn"]
    port = source_server.rsplit(":", 1)[1]
    source = make_source(f"http://127.0.0.1:{port}\\@dichvucong.gov.vn/good.csv", None)
    out, err = run_sync(expect_failure=True)
    assert "gạch chéo ngược" in err and Handler.seen == []
    source.refresh_from_db()
    assert "gạch chéo ngược" in source.last_error and not Result.objects.exists()


class Resolver:
    """DNS is simulated (no public resolver is reachable here): the name answers
    `first` on the first lookup and `later` afterwards; IP literals resolve as usual."""

    def __init__(self, name, first, later):
        self.name, self.first, self.later, self.lookups = name, first, later, 0
        self.real = socket.getaddrinfo

    def __call__(self, host, port, *args, **kwargs):
        if host != self.name:
            return self.real(host, port, *args, **kwargs)
        self.lookups += 1
        address = self.first if self.lookups == 1 else self.later
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, port))]


def test_dns_rebinding_cannot_move_the_connection_to_an_internal_address(source_server, settings, monkeypatch):
    """The name first answers a public address, then 127.0.0.1. The connection must go
    to the address that was checked (recorded here instead of sent off the machine)."""
    settings.RESULT_SOURCES_ALLOW_PRIVATE_ADDRESSES = False
    settings.RESULT_SOURCES_ALLOWED_HOSTS = [".dichvucong.gov.vn"]
    port = int(source_server.rsplit(":", 1)[1])
    resolver = Resolver("nguon.dichvucong.gov.vn", "203.0.114.10", "127.0.0.1")
    monkeypatch.setattr(socket, "getaddrinfo", resolver)
    connected = []

    def record_instead_of_connecting(address, *args, **kwargs):
        connected.append(address)
        raise ConnectionRefusedError("no traffic leaves the machine in tests")

    monkeypatch.setattr(urllib3_connection, "create_connection", record_instead_of_connecting)
    source = make_source(f"http://nguon.dichvucong.gov.vn:{port}/good.csv", None)
    out, err = run_sync(expect_failure=True)
    assert connected == [("203.0.114.10", port)] and resolver.lookups == 1
    assert Handler.seen == [] and not Result.objects.exists()
    source.refresh_from_db()
    assert "Không kết nối được" in source.last_error


def test_the_pinned_connection_keeps_the_host_name_for_the_host_header(source_server, settings, monkeypatch):
    """First answer 127.0.0.1 (the test server, admitted here), then an unroutable
    address: the request still reaches the first, with the name in its Host header."""
    settings.RESULT_SOURCES_ALLOWED_HOSTS = [".dichvucong.gov.vn"]
    port = int(source_server.rsplit(":", 1)[1])
    resolver = Resolver("nguon.dichvucong.gov.vn", "127.0.0.1", "10.255.255.1")
    monkeypatch.setattr(socket, "getaddrinfo", resolver)
    make_source(f"http://nguon.dichvucong.gov.vn:{port}/good.csv", None)
    out, err = run_sync(expect_failure=False)
    assert "2 mới" in out and resolver.lookups == 1
    assert Handler.seen == [("/good.csv", f"nguon.dichvucong.gov.vn:{port}")]


def test_a_name_that_resolves_to_an_internal_address_among_public_ones_is_refused(monkeypatch):
    monkeypatch.setattr(
        socket, "getaddrinfo", lambda *a, **k: [(2, 1, 6, "", ("8.8.8.8", 80)), (2, 1, 6, "", ("10.0.0.1", 80))]
    )
    with pytest.raises(FetchError, match="địa chỉ nội bộ"):
        check_url("http://dichvucong.gov.vn/x.csv", ["dichvucong.gov.vn"])


@pytest.mark.parametrize("path", ["/drip.csv", "/drip-headers.csv"])
def test_the_timeout_is_a_total_deadline_even_for_a_server_sending_a_byte_at_a_time(source_server, settings, path):
    settings.RESULT_SOURCES_TIMEOUT = SLOW_SOURCE_TIMEOUT
    source = make_source(source_server, path)
    started = time.monotonic()
    out, err = run_sync(expect_failure=True)
    assert time.monotonic() - started < 3  # RESULT_SOURCES_TIMEOUT is 1 s here; the server would take 20 s
    source.refresh_from_db()
    assert "RESULT_SOURCES_TIMEOUT" in source.last_error


def test_a_refused_responses_body_is_never_stored(source_server):
    source = make_source(source_server, "/secret.csv")
    out, err = run_sync(expect_failure=True)
    source.refresh_from_db()
    assert "mã HTTP 500" in source.last_error and "SECRET" not in source.last_error + err


def test_every_failure_is_recorded_and_the_next_sources_still_run(source_server, monkeypatch):
    from plan.results import sync

    bad_port = make_source("http://127.0.0.1:99999/x.csv", None)
    crashing = make_source(source_server, "/good.csv")
    crashing.format = "json"
    crashing.save()
    good = make_source(source_server, "/good.csv")
    real_read_rows = sync.read_rows

    def read_rows(path, file_format):
        if file_format == "json":
            raise ZeroDivisionError("an error nobody expected")
        return real_read_rows(path, file_format)

    monkeypatch.setattr(sync, "read_rows", read_rows)
    out, err = run_sync(expect_failure=True)
    for source in (bad_port, crashing, good):
        source.refresh_from_db()
    assert "Cổng trong địa chỉ nguồn không hợp lệ" in bad_port.last_error
    assert "ZeroDivisionError" in crashing.last_error and crashing.last_failure_at
    assert good.last_success_at and "2 mới" in out
    assert Result.objects.count() == 2


def test_import_results_with_a_url_uses_the_same_fetcher(source_server, settings, tmp_path):
    url_rows = "ma_chi_tieu;ky;gia_tri;nguon;ngay_thu_thap\n3.a.2;2024-Q1;96,4;Cổng DVC;15/04/2024\n"
    Handler.routes["/ket-qua.csv"] = (200, url_rows.encode(), 0)
    out = io.StringIO()
    call_command("import_results", source_server + "/ket-qua.csv", "--no-progress", stdout=out)
    assert "1 mới" in out.getvalue() and Result.objects.count() == 1
    port = source_server.rsplit(":", 1)[1]
    with pytest.raises(CommandError, match="gạch chéo ngược"):
        call_command("import_results", f"http://127.0.0.1:{port}\\@dichvucong.gov.vn/ket-qua.csv", "--no-progress")
    settings.RESULT_SOURCES_TIMEOUT = SLOW_SOURCE_TIMEOUT
    with pytest.raises(CommandError, match="RESULT_SOURCES_TIMEOUT"):
        call_command("import_results", source_server + "/drip.csv", "--format", "csv", "--no-progress")
