"""HTML responses are compressed when the client accepts it: brotli first, else gzip."""

import gzip

import brotli
import pytest

pytestmark = pytest.mark.django_db

URL = "/ke-hoach/cchc-2024/"


def test_html_is_compressed_with_brotli_or_gzip(client):
    plain = client.get(URL).content
    as_brotli = client.get(URL, HTTP_ACCEPT_ENCODING="br, gzip")
    assert as_brotli["Content-Encoding"] == "br" and "Accept-Encoding" in as_brotli["Vary"]
    assert brotli.decompress(as_brotli.content) == plain and len(as_brotli.content) < len(plain) / 3
    as_gzip = client.get(URL, HTTP_ACCEPT_ENCODING="gzip")
    assert as_gzip["Content-Encoding"] == "gzip" and gzip.decompress(as_gzip.content) == plain


def test_a_client_that_asks_for_nothing_gets_plain_html(client):
    response = client.get(URL)
    assert "Content-Encoding" not in response and response.content.startswith(b"<!DOCTYPE html>")
