"""The checks on a public source's address, done once: the URL is parsed here and
nowhere else (the connection uses the parts read here, never the text again), the
host name is resolved once and every address it gives must be public. Only http(s),
only hosts on the allow-list, only allowed ports; no user name or password in the
URL, no backslash, no space or control character."""

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urlsplit

MAX_URL_CHARS = 2000


class FetchError(Exception):
    """The source could not be fetched; the message is in Vietnamese."""


@dataclass(frozen=True)
class SourceURL:
    scheme: str
    host: str  # lower case, without brackets or a final dot
    port: int
    target: str  # path and query, as sent in the request line

    @property
    def default_port(self):
        return 443 if self.scheme == "https" else 80


def host_allowed(host, allowed_hosts):
    """True for a host on the list; an entry ".example.vn" admits its subdomains."""
    host = (host or "").lower().rstrip(".")
    if not host:
        return False
    for entry in allowed_hosts:
        entry = entry.lower()
        if entry.startswith(".") and (host == entry[1:] or host.endswith(entry)):
            return True
        if host == entry:
            return True
    return False


# Ranges Python calls global that must still not be fetched: the 6to4 relay anycast
# (deprecated by RFC 7526; it reaches whichever relay is nearest, an internal one too).
NOT_FETCHED = (ipaddress.ip_network("192.88.99.0/24"),)
# IPv6 forms that carry an IPv4 address in their last 32 bits: NAT64 (RFC 6052, its
# well-known and local-use prefixes) and the deprecated IPv4-compatible form.
IPV4_IN_LAST_32_BITS = tuple(ipaddress.ip_network(net) for net in ("64:ff9b::/96", "64:ff9b:1::/48", "::/96"))


def wrapped_ipv4(ip):
    """The IPv4 addresses an IPv6 address stands for (mapped, 6to4, Teredo's server
    and client, NAT64, IPv4-compatible); none for a plain address."""
    if ip.version == 4:
        return []
    if ip.ipv4_mapped:
        return [ip.ipv4_mapped]
    wrapped = [ip.sixtofour] if ip.sixtofour else []
    wrapped += list(ip.teredo or ())
    if any(ip in net for net in IPV4_IN_LAST_32_BITS):
        wrapped.append(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF))
    return wrapped


def is_fetchable(ip):
    return ip.is_global and not ip.is_multicast and not any(ip in net for net in NOT_FETCHED)


def address_is_public(address):
    """True only for a globally routable address, and for an IPv6 form that wraps an
    IPv4 address, only when that one is too (a mapped address is judged by its IPv4)."""
    ip = ipaddress.ip_address(address)
    inner = wrapped_ipv4(ip)
    judged = inner if ip.version == 6 and ip.ipv4_mapped else [ip, *inner]
    return all(is_fetchable(each) for each in judged)


def split_url(url):
    """urlsplit, its errors (a bracketed host that is not IPv6, an unclosed bracket)
    told in Vietnamese."""
    try:
        parts = urlsplit(url)
        parts.hostname  # noqa: B018 - parsed lazily: its errors belong here too
    except ValueError as error:
        raise FetchError(
            "Không đọc được địa chỉ nguồn: phần máy chủ không hợp lệ "
            "(dấu ngoặc vuông “[ ]” chỉ dùng quanh một địa chỉ IPv6 và phải đóng)."
        ) from error
    return parts


def parse_source_url(url, allowed_hosts, allowed_ports=(80, 443)):
    """SourceURL for an address that may be fetched, or FetchError saying why not."""
    url = str(url or "")
    if len(url) > MAX_URL_CHARS:
        raise FetchError(f"Địa chỉ nguồn dài quá {MAX_URL_CHARS} ký tự.")
    if any(ord(char) <= 0x20 or ord(char) >= 0x7F for char in url):
        raise FetchError("Địa chỉ nguồn chứa khoảng trắng, ký tự điều khiển hoặc ký tự ngoài ASCII: hãy mã hóa nó.")
    if "\\" in url:
        raise FetchError("Địa chỉ nguồn chứa dấu gạch chéo ngược (\\): không được phép.")
    parts = split_url(url)
    if parts.scheme not in ("http", "https"):
        raise FetchError("Chỉ tải số liệu qua http:// hoặc https://.")
    if "@" in parts.netloc:
        raise FetchError("Địa chỉ nguồn không được chứa tên đăng nhập hay mật khẩu (phần trước “@”).")
    host = (parts.hostname or "").rstrip(".")
    if not host_allowed(host, allowed_hosts):
        raise FetchError(
            f"Máy chủ “{host or parts.netloc}” không nằm trong danh sách nguồn được phép "
            "(RESULT_SOURCES_ALLOWED_HOSTS)."
        )
    try:
        port = parts.port
    except ValueError as error:
        raise FetchError("Cổng trong địa chỉ nguồn không hợp lệ.") from error
    port = port or (443 if parts.scheme == "https" else 80)
    if port not in allowed_ports:
        raise FetchError(f"Cổng {port} không nằm trong danh sách cổng được phép (RESULT_SOURCES_ALLOWED_PORTS).")
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    return SourceURL(parts.scheme, host, port, target)


def resolve(source, allow_private=False):
    """The one address the connection will use: the host name is looked up once, and
    every address it gives must be public (a name that mixes public and internal
    addresses is refused)."""
    try:
        infos = socket.getaddrinfo(source.host, source.port, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as error:
        raise FetchError(f"Không tìm thấy máy chủ “{source.host}”.") from error
    addresses = [info[4][0] for info in infos]
    if not addresses:
        raise FetchError(f"Không tìm thấy máy chủ “{source.host}”.")
    if not allow_private and not all(address_is_public(address) for address in addresses):
        raise FetchError(f"Máy chủ “{source.host}” trỏ tới địa chỉ nội bộ: không tải.")
    return addresses[0]


def check_url(url, allowed_hosts, allow_private=False, allowed_ports=(80, 443)):
    """Parse and resolve; returns (SourceURL, address) or raises FetchError."""
    source = parse_source_url(url, allowed_hosts, allowed_ports)
    return source, resolve(source, allow_private)
