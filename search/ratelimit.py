"""Who a client is, and how often it may search, for django-ratelimit.

The client is its IP address. Behind trusted proxies (settings.SEARCH_TRUSTED_PROXIES
= how many), the address is the one the outermost trusted proxy saw, read from the
right-hand end of X-Forwarded-For; anything left of it was written by the client
and is not trusted. The limits are settings (SEARCH_RATE_LIMIT,
SEARCH_SUGGEST_RATE_LIMIT), read on every request."""

import ipaddress

from django.conf import settings


def client_ip(group, request):
    proxies = getattr(settings, "SEARCH_TRUSTED_PROXIES", 0)
    address = request.META.get("REMOTE_ADDR", "")
    if proxies > 0:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= proxies:
            address = forwarded[-proxies]
    return network_of(address)


def network_of(address):
    """The address as a string; IPv6 clients are grouped by /64, as one household
    or machine usually has a whole /64."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return "unknown"
    if ip.version == 6:
        return str(ipaddress.ip_network(f"{ip}/64", strict=False).network_address)
    return str(ip)


def search_rate(group, request):
    return settings.SEARCH_RATE_LIMIT


def suggest_rate(group, request):
    return settings.SEARCH_SUGGEST_RATE_LIMIT
