"""Fetch a public source into a temporary file, safely: only http(s), only hosts on
the allow-list in settings, never a private, loopback or link-local address, with a
timeout and a size limit, and no redirects (a redirect could lead anywhere)."""

import ipaddress
import socket
import tempfile
from urllib.parse import urlsplit

import requests
from django.conf import settings


class FetchError(Exception):
    """The source could not be fetched; the message is in Vietnamese."""


def host_allowed(host, allowed_hosts):
    """True for a host on the list; an entry ".example.vn" admits its subdomains."""
    host = (host or "").lower().rstrip(".")
    for entry in allowed_hosts:
        entry = entry.lower()
        if entry.startswith(".") and (host == entry[1:] or host.endswith(entry)):
            return True
        if host == entry:
            return True
    return False


def address_is_public(address):
    ip = ipaddress.ip_address(address)
    return not (
        ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_reserved or ip.is_multicast or ip.is_unspecified
    )


def check_url(url, allowed_hosts, allow_private=False):
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise FetchError("Chỉ tải số liệu qua http:// hoặc https://.")
    if not host_allowed(parts.hostname, allowed_hosts):
        raise FetchError(
            f"Máy chủ “{parts.hostname}” không nằm trong danh sách nguồn được phép (RESULT_SOURCES_ALLOWED_HOSTS)."
        )
    try:
        addresses = {
            info[4][0] for info in socket.getaddrinfo(parts.hostname, parts.port or 443, proto=socket.IPPROTO_TCP)
        }
    except socket.gaierror as error:
        raise FetchError(f"Không tìm thấy máy chủ “{parts.hostname}”.") from error
    if not allow_private and not all(address_is_public(a) for a in addresses):
        raise FetchError(f"Máy chủ “{parts.hostname}” trỏ tới địa chỉ nội bộ: không tải.")


def fetch_to_file(url, suffix):
    """Download url into a named temporary file (deleted when closed) and return it."""
    check_url(url, settings.RESULT_SOURCES_ALLOWED_HOSTS, settings.RESULT_SOURCES_ALLOW_PRIVATE_ADDRESSES)
    max_bytes = settings.RESULT_SOURCES_MAX_BYTES
    target = tempfile.NamedTemporaryFile(suffix=suffix)
    try:
        with requests.get(url, stream=True, timeout=settings.RESULT_SOURCES_TIMEOUT, allow_redirects=False) as response:
            if response.is_redirect or response.status_code >= 300:
                raise FetchError(f"Nguồn trả về mã HTTP {response.status_code}.")
            size = 0
            for chunk in response.iter_content(64 * 1024):
                size += len(chunk)
                if size > max_bytes:
                    raise FetchError(f"Tệp nguồn lớn hơn giới hạn {max_bytes // (1024 * 1024)} MB.")
                target.write(chunk)
    except requests.Timeout as error:
        target.close()
        raise FetchError("Nguồn không trả lời trong thời hạn cho phép.") from error
    except requests.RequestException as error:
        target.close()
        raise FetchError(f"Không kết nối được tới nguồn: {error.__class__.__name__}.") from error
    except FetchError:
        target.close()
        raise
    target.flush()
    return target
