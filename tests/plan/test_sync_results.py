"""Scheduled sync from public sources. The public internet cannot be reached here, so
a real HTTP server on 127.0.0.1 plays the public source; internal addresses are
admitted only where a test says so through RESULT_SOURCES_ALLOW_PRIVATE_ADDRESSES."""

import io
import socket
import threading
import time
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from urllib3.util import connection as urllib3_connection

from plan.models import Indicator, Result, ResultSource
from plan.results.fetch import FetchError, address_is_public, check_url, host_allowed, parse_source_url

pytestmark = pytest.mark.django_db

SOURCE_CSV = (
    "Ky;Chi so;Gia tri;Tinh\n"
    "2024-Q1;dung han;96,4;Hải Dương\n"
    "2024-Q2;dung han;97,1;Hải Dương\n"
    "2024-Q2;dung han;80;Hà Nội\n"
)


class Handler(BaseHTTPRequestHandler):
    routes = {}
    seen = []  # (path, Host header) of every request the server received

    def do_GET(self):
        Handler.seen.append((self.path, self.headers.get("Host")))
        if self.path.startswith("/drip"):
            return self.drip()
        status, body, delay = self.routes.get(self.path, (404, b"", 0))
        time.sleep(delay)
        self.send_response(status)
        if status in (301, 302):
            self.send_header("Location", "http://169.254.169.254/latest/meta-data/")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def drip(self):
        """One byte every 0.2 s: in the body (/drip.csv) or in the headers (/drip-headers.csv)."""
        try:
            if self.path == "/drip-headers.csv":
                self.wfile.write(b"HTTP/1.1 200 OK\r\n")
                for _ in range(100):
                    self.wfile.write(b"X")
                    self.wfile.flush()
                    time.sleep(0.2)
                return
            self.send_response(200)
            self.send_header("Content-Length", "100")
            self.end_headers()
            for _ in range(100):
                self.wfile.write(b"x")
                self.wfile.flush()
                time.sleep(0.2)
        except OSError:
            pass

    def log_message(self, *args):
        pass


@pytest.fixture
def source_server(settings):
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.RESULT_SOURCES_ALLOWED_HOSTS = ["127.0.0.1"]
    settings.RESULT_SOURCES_ALLOW_PRIVATE_ADDRESSES = True
    settings.RESULT_SOURCES_ALLOWED_PORTS = [server.server_port]
    settings.RESULT_SOURCES_TIMEOUT = 1
    settings.RESULT_SOURCES_MAX_BYTES = 10_000
    Handler.routes = {
        "/good.csv": (200, SOURCE_CSV.encode("utf-8"), 0),
        "/bad.csv": (200, "Ky;Gia tri;Tinh\n2024-Q1;nhiều;Hải Dương\n2024-Q2;97;Hải Dương\n".encode(), 0),
        "/big.csv": (200, b"Ky;Gia tri\n" + b"2024-Q1;1\n" * 5000, 0),
        "/slow.csv": (200, SOURCE_CSV.encode(), 2),
        "/moved.csv": (302, b"", 0),
        "/secret.csv": (500, b"SECRET-INTERNAL-RESPONSE", 0),
    }
    Handler.seen = []
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()


def make_source(base, path):
    return ResultSource.objects.create(
        indicator=Indicator.objects.get(code="3.a.2"),
        name="Bộ chỉ số phục vụ người dân (thử)",
        url=base + path if path is not None else base,
        format="csv",
        period_field="Ky",
        value_field="Gia tri",
        filter_field="Tinh",
        filter_value="Hải Dương",
    )


def run_sync(expect_failure=None):
    """(stdout, stderr); the command exits non-zero (CommandError) when a source failed."""
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("sync_results", stdout=out, stderr=err)
        failed = False
    except CommandError as error:
        assert error.returncode == 2 and "nguồn lỗi" in str(error)
        failed = True
    if expect_failure is not None:
        assert failed is expect_failure
    return out.getvalue(), err.getvalue()


def test_a_due_source_is_fetched_filtered_and_imported(source_server):
    source = make_source(source_server, "/good.csv")
    out, err = run_sync()
    assert "2 mới" in out and err == ""
    results = Result.objects.filter(indicator__code="3.a.2").order_by("period")
    assert [(r.period, str(r.value)) for r in results] == [("2024-Q1", "96.4000"), ("2024-Q2", "97.1000")]
    assert {r.origin for r in results} == {"sync"} and {r.source_url for r in results} == {source.url}
    source.refresh_from_db()
    assert source.last_success_at and source.next_run_at > timezone.now() and source.last_error == ""
    assert run_sync()[0] == "Không có nguồn nào đến hạn.\n"


@pytest.mark.parametrize(
    "path, message",
    [
        ("/bad.csv", "không phải là số"),
        ("/big.csv", "lớn hơn giới hạn"),
        ("/slow.csv", "không trả lời"),
        ("/moved.csv", "mã HTTP 302"),
        ("/missing.csv", "mã HTTP 404"),
    ],
)
def test_a_failing_source_records_why_and_writes_nothing(source_server, path, message):
    source = make_source(source_server, path)
    out, err = run_sync()
    assert message in err
    assert not Result.objects.exists()
    source.refresh_from_db()
    assert source.last_failure_at and message in source.last_error and source.last_success_at is None


def test_a_source_not_yet_due_is_left_alone(source_server):
    source = make_source(source_server, "/good.csv")
    source.next_run_at = timezone.now() + timedelta(days=3)
    source.save()
    run_sync()
    assert not Result.objects.exists()


def test_internal_addresses_are_refused_by_default(source_server, settings):
    settings.RESULT_SOURCES_ALLOW_PRIVATE_ADDRESSES = False
    make_source(source_server, "/good.csv")
    out, err = run_sync()
    assert "địa chỉ nội bộ" in err
    assert not Result.objects.exists()


def test_hosts_outside_the_allow_list_are_refused():
    with pytest.raises(FetchError, match="không nằm trong danh sách"):
        check_url("https://evil.example/data.csv", ["dichvucong.gov.vn"])
    with pytest.raises(FetchError, match="http:// hoặc https://"):
        check_url("file:///etc/passwd", ["dichvucong.gov.vn"])
    with pytest.raises(FetchError, match="địa chỉ nội bộ"):
        check_url("http://localhost:8000/x.csv", ["localhost"], allowed_ports=[8000])


@pytest.mark.parametrize(
    "host, allowed",
    [
        ("dichvucong.gov.vn", True),
        ("DICHVUCONG.GOV.VN", True),
        ("api.dichvucong.gov.vn", True),
        ("dichvucong.gov.vn.evil.example", False),
        ("evildichvucong.gov.vn", False),
        ("haiduong.gov.vn", True),
        ("sonoivu.haiduong.gov.vn", True),
        ("", False),
    ],
)
def test_host_allow_list(host, allowed):
    assert host_allowed(host, ["dichvucong.gov.vn", ".dichvucong.gov.vn", ".haiduong.gov.vn"]) is allowed


@pytest.mark.parametrize(
    "address, public",
    [
        ("8.8.8.8", True),
        ("127.0.0.1", False),
        ("10.1.2.3", False),
        ("192.168.1.1", False),
        ("169.254.169.254", False),
        ("::1", False),
        ("fd00::1", False),
        ("0.0.0.0", False),
    ],
)
def test_address_classes(address, public):
    assert address_is_public(address) is public


# Issue 11: SSRF, DNS rebinding, deadlines, failures that must not stop the run ------


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
def test_the_timeout_is_a_total_deadline_even_for_a_server_sending_a_byte_at_a_time(source_server, path):
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
    with pytest.raises(CommandError, match="RESULT_SOURCES_TIMEOUT"):
        call_command("import_results", source_server + "/drip.csv", "--format", "csv", "--no-progress")
