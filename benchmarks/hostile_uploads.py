"""Upload every hostile file of benchmarks/hostile_files.py through the admin of a
running site (./scripts/run.sh, or gunicorn with the import worker) and print, per
file, how fast the web request answered, the outcome the import worker recorded, how
long it took, and the worker's peak memory so far. Loopback only.

    .venv/bin/python benchmarks/hostile_uploads.py --url http://127.0.0.1:8000 \\
        --user quantri --password ... --worker-pid PID [--only NAME ...] [--keep]
"""

import argparse
import re
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

import requests

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from benchmarks.hostile_files import HOSTILE  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "results" / "hostile_uploads.md"
RUNNING = ("Đang chờ kiểm tra", "Đang kiểm tra", "Đang chờ nhập", "Đang nhập")


def csrf(session, url):
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', session.get(url).text).group(1)


def log_in(base, user, password):
    session = requests.Session()
    url = base + "/admin/login/"
    data = {"csrfmiddlewaretoken": csrf(session, url), "username": user, "password": password, "next": "/admin/"}
    answer = session.post(url, data=data, headers={"Referer": url})
    if "/admin/login" in answer.url:
        sys.exit("Đăng nhập không được.")
    return session


def peak_mb(pid):
    if not pid:
        return None
    status = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(r"VmHWM:\s+(\d+) kB", status).group(1)) / 1024


def upload(session, base, path):
    url = base + "/admin/ket-qua/nhap/"
    token = csrf(session, url)
    started = time.monotonic()
    with open(path, "rb") as handle:
        answer = session.post(
            url,
            data={"csrfmiddlewaretoken": token},
            files={"file": (path.name, handle)},
            headers={"Referer": url},
            allow_redirects=False,
        )
    answered = time.monotonic() - started
    if answer.status_code != 302:
        message = re.search(r'class="error-message">\s*<p>([^<]+)', answer.text) or re.search(
            r"(Tệp lớn hơn[^<]+)", answer.text
        )
        return answered, answered, "từ chối khi tải lên", message.group(1).strip() if message else answer.text
    while True:
        page = session.get(base + answer.headers["Location"]).text
        status = re.search(r"Trạng thái: <strong>([^<]+)</strong>", page).group(1)
        if status not in RUNNING:
            break
        time.sleep(0.1)
    done = time.monotonic() - started
    return answered, done, status, page  # the reason: the message, or each bad row in the table of errors


def reason(page, expected):
    """Whether the page names the limit the file breaks (or the upload's own size limit)."""
    if expected in page:
        return "có"
    return "có (RESULT_UPLOAD_MAX_BYTES)" if "RESULT_UPLOAD_MAX_BYTES" in page else "KHÔNG"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", required=True)
    parser.add_argument("--user", required=True)
    parser.add_argument("--password", required=True)
    parser.add_argument("--worker-pid", type=int)
    parser.add_argument("--only", nargs="*")
    parser.add_argument("--keep", action="store_true", help=f"write the table to {RESULTS.name}")
    options = parser.parse_args()
    if urlsplit(options.url).hostname not in ("127.0.0.1", "localhost", "::1"):
        sys.exit("Chỉ chạy trên máy này (127.0.0.1).")
    session = log_in(options.url.rstrip("/"), options.user, options.password)
    lines = [
        "| tệp | kích thước | trang trả lời (ms) | kết quả sau (s) | trạng thái | nêu đúng lý do "
        "| bộ nhớ đỉnh của worker (MB) |",
        "| --- | ---: | ---: | ---: | --- | --- | ---: |",
    ]
    with tempfile.TemporaryDirectory() as folder:
        for name, (make, expected) in HOSTILE.items():
            if options.only and name not in options.only:
                continue
            path = make(Path(folder))
            answered, done, status, page = upload(session, options.url.rstrip("/"), path)
            peak = peak_mb(options.worker_pid)
            lines.append(
                f"| {name} | {path.stat().st_size / 1024:,.0f} KB | {answered * 1000:.0f} | {done:.1f} | {status} "
                f"| {reason(page, expected)} "
                f"| {'' if peak is None else f'{peak:.0f}'} |"
            )
            print(lines[-1], flush=True)
    if options.keep:
        RESULTS.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
