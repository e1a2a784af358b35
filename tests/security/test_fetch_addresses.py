"""The fetcher reaches only globally routable addresses (issue 21, finding 7): the
shared address space, the 6to4 relay anycast, and IPv6 forms that wrap an internal
IPv4 address (mapped, 6to4, Teredo, NAT64, IPv4-compatible) are refused like
127.0.0.1 itself. DNS is simulated by replacing socket.getaddrinfo (no public
resolver is reachable here); nothing is connected to."""

import socket

import pytest

from plan.results.fetch import FetchError, address_is_public, check_url

INTERNAL = [
    "127.0.0.1",
    "10.1.2.3",
    "169.254.169.254",
    "100.64.0.1",  # shared address space (carrier-grade NAT)
    "100.127.255.254",
    "192.88.99.1",  # 6to4 relay anycast
    "0.0.0.0",
    "224.0.1.1",  # multicast, which Python calls global
    "::1",
    "fe80::1",
    "fc00::1",
    "::ffff:127.0.0.1",  # mapped
    "::ffff:169.254.169.254",
    "::ffff:100.64.0.1",
    "2002:7f00:1::",  # 6to4 wrapping 127.0.0.1
    "2002:a9fe:a9fe::1",  # 6to4 wrapping 169.254.169.254
    "2002:6440:1::1",  # 6to4 wrapping 100.64.0.1
    "2001:0:4136:e378:8000:63bf:80ff:fffe",  # Teredo, client 127.0.0.1
    "64:ff9b::7f00:1",  # NAT64 wrapping 127.0.0.1
    "64:ff9b::a9fe:a9fe",
    "::127.0.0.1",  # IPv4-compatible (deprecated)
]
PUBLIC = ["8.8.8.8", "1.1.1.1", "2606:4700:4700::1111", "::ffff:8.8.8.8", "2002:808:808::1", "64:ff9b::808:808"]


@pytest.mark.parametrize("address", INTERNAL)
def test_an_internal_address_in_any_form_is_not_public(address):
    assert not address_is_public(address)


@pytest.mark.parametrize("address", PUBLIC)
def test_a_globally_routable_address_in_any_form_is_public(address):
    assert address_is_public(address)


@pytest.mark.parametrize("address", ["100.64.0.1", "192.88.99.1", "2002:7f00:1::", "::ffff:169.254.169.254"])
def test_a_name_resolving_to_a_wrapped_internal_address_is_refused_in_vietnamese(address, monkeypatch):
    family = socket.AF_INET6 if ":" in address else socket.AF_INET
    monkeypatch.setattr(socket, "getaddrinfo", lambda *a, **k: [(family, socket.SOCK_STREAM, 6, "", (address, 80))])
    with pytest.raises(FetchError, match="trỏ tới địa chỉ nội bộ"):
        check_url("http://dichvucong.gov.vn/x.csv", ["dichvucong.gov.vn"])
