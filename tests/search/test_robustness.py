"""Whatever a client sends, the search page and its suggestions answer with a
normal page (or a 400/405), never a server error. Django's test client raises the
view's exceptions, so a 500 fails these tests with its traceback."""

import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from search.folding import MAX_QUERY_CHARS

pytestmark = pytest.mark.django_db

SEARCH, SUGGEST = "/tim-kiem/", "/tim-kiem/goi-y/"
# GET requests only read: reusing the function-scoped client and database is safe.
FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

NASTY = [
    "",
    " ",
    "x" * 10_000,
    "thủ tục " * 2_000,
    "' OR 1=1 --",
    '"; DROP TABLE plan_task; --',
    "\\",
    '"unbalanced',
    "a AND OR NOT b*",
    "NEAR(a b)",
    "{title body}: x",
    "<script>alert('x')</script>",
    "</mark><b>đậm</b>",
    "\x00\x01\x02\x1b[31m",
    "\ud7ff\ufffd\ufeff\u200b\u202e",
    "😀 🇻🇳 ︎",
    "%00%27%22",
    "a:b:c",
    "*",
    "()",
    "ǅ ǈ ß İ ΐ ﬁ",
    "-",
    "+",
    "&",
    "|",
    "!",
    "'",
    "''",
]


@pytest.mark.parametrize("query", NASTY)
def test_nasty_queries_give_a_normal_page(client, query):
    for url in (SEARCH, SUGGEST):
        response = client.get(url, {"q": query})
        assert response.status_code == 200, (url, query)


def test_html_in_the_query_is_shown_as_text(client):
    html = client.get(SEARCH, {"q": "<script>alert('x')</script> một cửa"}).content.decode()
    assert "<script>alert" not in html and "&lt;script&gt;alert" in html
    html = client.get(SEARCH, {"q": "</mark><b>đậm</b> thanh toán"}).content.decode()
    assert "<b>đậm</b>" not in html


def test_a_long_query_is_cut_and_the_page_says_so(client):
    soup = BeautifulSoup(client.get(SEARCH, {"q": "thanh toán " * 1_000}).content.decode(), "html.parser")
    assert len(soup.select_one("#tu-khoa")["value"]) <= MAX_QUERY_CHARS
    assert "chỉ 200 ký tự đầu" in soup.get_text()


@pytest.mark.parametrize(
    "params",
    [
        {"q": "so hoa", "page": "-1"},
        {"q": "so hoa", "page": "0"},
        {"q": "so hoa", "page": "1e9"},
        {"q": "so hoa", "page": "99999999999999999999"},
        {"q": "so hoa", "page": ["1", "2"]},
        {"q": ["so", "hoa"]},
        {"q": "so hoa", "type": "nothing", "area": "-5", "topic": "x" * 500, "status": "'; --", "deadline": "9999-q9"},
        {"q": "so hoa", "area": "1" * 40},
        {"q": "so hoa", "area": ["3"] * 500},
        {"unknown": "value", "q": "mot cua"},
    ],
)
def test_odd_parameters_give_a_normal_page(client, params):
    assert client.get(SEARCH, params).status_code == 200


def test_too_many_parameters_are_refused_with_400(client):
    query = "&".join(f"topic=t{n}" for n in range(12_000))
    assert client.get(f"{SEARCH}?q=so+hoa&{query}").status_code == 400


def test_percent_encoding_that_is_not_utf8_is_read_as_text(client):
    assert client.get(SEARCH + "?q=%C3%28%FF%FE%00&area=%FF").status_code == 200


text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300)
values = st.one_of(
    text,
    st.sampled_from(
        ["task", "indicator", "page", "agency", "mot-cua", "so-noi-vu", "3", "overdue", "no_data", "2024-q1", "ongoing"]
    ),
)
params = st.fixed_dictionaries(
    {"q": text},
    optional={name: st.lists(values, max_size=4) for name in ("type", "area", "topic", "agency", "status", "deadline")}
    | {"page": st.one_of(text, st.integers(-(10**12), 10**12).map(str))},
)


@FUZZ
@given(params=params)
def test_any_parameters_never_cause_a_server_error(client, params):
    response = client.get(SEARCH, params)
    assert response.status_code in (200, 400)
    if response.status_code == 200:
        assert response["Content-Type"].startswith("text/html")


@FUZZ
@given(query=text)
def test_any_text_typed_gives_suggestions_or_none(client, query):
    response = client.get(SUGGEST, {"q": query})
    assert response.status_code == 200
    assert isinstance(response.json()["suggestions"], list)


@pytest.mark.parametrize("url", [SEARCH, SUGGEST])
def test_head_is_answered_like_get_without_a_body(client, url):
    """HEAD (link checkers, monitors) is a GET without its body, not a 405 (issue 21, finding 14)."""
    get, head = client.get(url, {"q": "thủ tục"}), client.head(url, {"q": "thủ tục"})
    assert head.status_code == get.status_code == 200
    assert head["Content-Type"] == get["Content-Type"] and head.content == b""
