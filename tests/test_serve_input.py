"""``summarizer serve`` against a careless client's bodies: not JSON, not sent as JSON, the wrong
JSON type, invalid Unicode, options out of range, URLs the fetcher cannot parse. Every answer is
``{"detail": "..."}`` with the documented status and a detail naming what is wrong; none is a
500. FastAPI's TestClient drives the app in-process (the same ASGI app uvicorn serves)."""

from __future__ import annotations

import gzip
import json
from typing import Any

import pytest

pytest.importorskip("fastapi", reason="summarizer serve needs the 'serve' extra")
from fastapi.testclient import TestClient  # noqa: E402

from summarizer import serve  # noqa: E402
from summarizer.serve import ServeConfig, create_app  # noqa: E402
from summarizer.settings import Settings  # noqa: E402

TEXT = (
    "The city council voted 7-2 on Tuesday to build a new bridge over the Elm River. "
    "Construction starts in May and will cost 40 million dollars, Mayor Ana Ruiz said."
)
JSON = {"content-type": "application/json"}


@pytest.fixture(scope="module")
def client(serve_client: TestClient) -> TestClient:
    return serve_client


def _detail(res: Any, status: int) -> str:
    assert res.status_code == status, res.text
    body = res.json()
    assert isinstance(body, dict) and isinstance(body["detail"], str)
    assert "\n" not in body["detail"] and "Traceback" not in res.text
    return str(body["detail"])


@pytest.mark.parametrize(
    ("body", "says"),
    [
        (b"not json", "not valid JSON"),
        (b'{"text": "a",}', "not valid JSON"),
        (b'{"text": "caf\xe9 au lait."}', "not UTF-8"),  # Latin-1, not UTF-8
        (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
    ],
)
def test_a_body_that_is_not_json_is_400(client: TestClient, body: bytes, says: str) -> None:
    """Was 422 'JSON decode error' for the first two and 400 'There was an error parsing the
    body' for the others; the README documents 400 for a body that is not JSON."""
    assert says in _detail(client.post("/blurb", content=body, headers=JSON), 400)


@pytest.mark.parametrize(
    "headers",
    [{}, {"content-type": "text/plain"}, {"content-type": "application/x-www-form-urlencoded"}],
)
def test_json_sent_without_a_json_content_type_is_415(
    client: TestClient, headers: dict[str, str]
) -> None:
    """``curl -d '{...}'`` without ``-H 'Content-Type: application/json'`` sends a form type.
    Was 422 'body.BlurbText: Input should be a valid dictionary (and 2 more)', which sent the
    client looking for a wrong field; now it says what to send."""
    res = client.post(
        "/briefing", content=json.dumps({"articles": [{"text": TEXT}]}), headers=headers
    )
    assert "Content-Type: application/json" in _detail(res, 415)


@pytest.mark.parametrize(
    ("body", "says"),
    [
        (b"", "body: a JSON object is required"),
        (b"null", "body: a JSON object is required"),
        (b"[1, 2]", "body: a JSON object is required"),
        (b"42", "body: a JSON object is required"),
        (b'"text"', "body: a JSON object is required"),
        (b"{}", "body.text: Field required"),
    ],
)
def test_json_of_the_wrong_type_is_422_naming_the_body(
    client: TestClient, body: bytes, says: str
) -> None:
    assert _detail(client.post("/blurb", content=body, headers=JSON), 422).endswith(says)


def test_a_lone_surrogate_is_422_not_500(client: TestClient) -> None:
    r"""JSON's ``\ud800`` escape decodes to a lone surrogate. Before: 500 'Internal Server
    Error' (text/plain), because the 422 echoed the input and it could not be encoded."""
    for route, body, field in [
        ("/blurb", '{"text": "\\ud800 A council voted. It met."}', "body.text"),
        ("/blurb", '{"article": {"text": "A b.", "title": "\\udfff"}}', "body.article.title"),
        ("/verify", '{"draft": "A b.", "sources": [{"text": "\\ud83d x"}]}', "body.sources.0.text"),
        (
            "/verify",
            '{"draft": "A b.", "sources": ["https://a.example/\\ud83d"]}',
            "body.sources.0",
        ),
    ]:
        detail = _detail(client.post(route, content=body.encode(), headers=JSON), 422)
        assert f"{field}: " in detail and "string" in detail.lower(), detail


def test_errors_do_not_echo_the_input_back(client: TestClient) -> None:
    """The 422 used to carry every union branch's errors with the whole input in each (a
    500,000-character text came back three times)."""
    res = client.post("/blurb", json={"text": "word " * 90_000, "sentense": 2})
    assert "body.sentense: Extra inputs are not permitted" in _detail(res, 422)
    assert len(res.content) < 2_000
    assert all(set(e) == {"loc", "msg", "type"} for e in res.json()["errors"])


@pytest.mark.parametrize(
    ("route", "body", "field"),
    [
        ("/blurb", {"text": TEXT, "max_words": 0}, "body.max_words"),
        ("/blurb", {"text": TEXT, "max_words": -5}, "body.max_words"),
        ("/blurb", {"text": TEXT, "max_words": 10**30}, "body.max_words"),
        ("/blurb", {"text": TEXT, "sentences": 0}, "body.sentences"),
        ("/blurb", {"text": TEXT, "sentences": 1.5}, "body.sentences"),
        ("/blurb", {"text": TEXT, "sentences": 1001}, "body.sentences"),
        ("/blurb", {"url": "https://a.example/", "sentences": -1}, "body.sentences"),
        ("/blurb", {"article": {"text": TEXT}, "max_words": "many"}, "body.max_words"),
        ("/blurb", {"article": {"text": " "}}, "body.article.text"),
        ("/blurb", {"text": ""}, "body.text"),
        ("/briefing", {"articles": [{"text": TEXT}], "max_words": 0}, "body.max_words"),
        ("/briefing", {"articles": [{"text": TEXT}], "max_stories": -1}, "body.max_stories"),
        ("/briefing", {"articles": [{"text": TEXT}], "min_sources": 0}, "body.min_sources"),
        ("/briefing", {"articles": [{"text": TEXT}], "since": "last tuesday"}, "body.since"),
        ("/briefing", {"articles": [{"text": TEXT}], "until": "2026-13-45"}, "body.until"),
        (
            "/briefing",
            {"articles": [{"text": TEXT}], "since": "2026-11-23", "until": "2026-11-01"},
            "since",
        ),
        ("/briefing", {"articles": [{"text": TEXT}], "until": "9999-12-31"}, "body.until"),
        ("/briefing", {"articles": {"text": TEXT}}, "body.articles"),
        ("/briefing", {"urls": "https://a.example/feed"}, "body.urls"),
        ("/verify", {"draft": "It met.", "sources": [{"text": TEXT}], "top_k": 0}, "body.top_k"),
        (
            "/verify",
            {"draft": "It met.", "sources": [{"text": TEXT}], "top_k": 10**6},
            "body.top_k",
        ),
        ("/verify", {"draft": "It met.", "sources": []}, "body.sources"),
        ("/verify", {"draft": "It met.", "sources": ["not a url"]}, "body.sources.0"),
        ("/verify", {"draft": "It met.", "sources": [42]}, "body.sources.0"),
        ("/verify", {"draft": " ", "sources": [{"text": TEXT}]}, "body.draft"),
    ],
)
def test_options_out_of_range_are_422_naming_the_field(
    client: TestClient, route: str, body: dict[str, Any], field: str
) -> None:
    """Before, a blurb's errors named a union branch ('body.BlurbText.max_words ... (and 6
    more)', or for a bad URL 'body.BlurbText.text: Field required'), and since, until and
    top_k (options of the CLI commands) were not accepted at all."""
    detail = _detail(client.post(route, json=body), 422)
    assert field in detail, detail
    assert "Blurb" not in detail and "ArticleIn" not in detail


@pytest.mark.parametrize(
    ("url", "says"),
    [
        ("http://[::1", "not a valid URL (Invalid IPv6 URL)"),  # was a 500
        ("http://a.example:99999/", "not a valid URL (Port out of range"),
        ("http://@/", "not a valid URL (no host)"),
        ("http://", "body.url: not an http:// or https:// URL"),
        ("ftp://a.example/x", "body.url: not an http:// or https:// URL"),
    ],
)
def test_a_url_the_fetcher_cannot_parse_is_422(client: TestClient, url: str, says: str) -> None:
    assert says in _detail(client.post("/blurb", json={"url": url}), 422)
    res = client.post("/verify", json={"draft": "It met.", "sources": [url]})
    assert "body.sources.0" in _detail(res, 422)


@pytest.mark.parametrize(
    ("route", "body", "says"),
    [
        (
            "/verify",
            {"draft": "It met.", "sources": ["The council voted 7-2."]},
            'body.sources.0: not an http:// or https:// URL (a text goes in an object: {"text"',
        ),
        ("/briefing", {"urls": ["file:///etc/passwd"]}, "body.urls.0: not an http:// or https://"),
        ("/briefing", {"articles": [TEXT]}, "body.articles.0: an article is a JSON object: {"),
        ("/verify", {"draft": "It met.", "sources": [5]}, "body.sources.0: an article is a JSON"),
        ("/blurb", {"article": TEXT}, "body.article: an article is a JSON object"),
    ],
)
def test_a_text_where_an_object_goes_is_told_how_to_send_it(
    client: TestClient, route: str, body: dict[str, Any], says: str
) -> None:
    """A source's text sent as a bare string was refused with "String should match pattern
    '^https?://\\S+$'", and an article as a string with "Input should be a valid dictionary or
    object to extract fields from"."""
    detail = _detail(client.post(route, json=body), 422)
    assert says in detail and "pattern" not in detail, detail


def test_a_briefing_of_nothing_is_422(client: TestClient) -> None:
    """Was a 200 with an empty briefing, for ``{}`` or a misspelt key's empty list."""
    for body in ({}, {"articles": []}, {"articles": [], "urls": []}):
        assert "give 'articles'" in _detail(client.post("/briefing", json=body), 422)


def test_since_and_until_keep_the_articles_of_the_window(client: TestClient) -> None:
    second = TEXT.replace("Elm River", "Oak Creek").replace("bridge", "school")
    articles = [
        {"text": TEXT, "source": "Old News", "published": "2026-11-01T09:00:00Z"},
        {"text": second, "source": "New News", "published": "2026-11-22T09:00:00Z"},
    ]
    res = client.post("/briefing", json={"articles": articles, "since": "2026-11-20"})
    assert res.status_code == 200, res.text
    assert [o["name"] for s in res.json()["sources"] for o in s["outlets"]] == ["New News"]
    res = client.post("/briefing", json={"articles": articles, "until": "2026-11-01"})
    assert res.status_code == 200, res.text  # a date alone as until includes that day
    assert [o["name"] for s in res.json()["sources"] for o in s["outlets"]] == ["Old News"]


def test_unix_times_may_be_json_numbers(client: TestClient) -> None:
    """A .json input file may give ``published`` as Unix seconds or milliseconds (a CMS's
    timestamp column); the API answered 422 "Input should be a valid string" for the same
    record, and for ``since``/``until`` given so."""
    second = TEXT.replace("Elm River", "Oak Creek").replace("bridge", "school")
    articles = [
        {"text": TEXT, "source": "Old News", "published": 1_761_987_600},  # 2025-11-01 09:00
        {"text": second, "source": "New News", "published": 1_795_338_000_000},  # ms, 2026-11-22
    ]
    res = client.post("/briefing", json={"articles": articles, "since": 1_795_305_600})
    assert res.status_code == 200, res.text
    body = res.json()
    assert [o["name"] for s in body["sources"] for o in s["outlets"]] == ["New News"]
    assert body["stories"][0]["first_published"] == "2026-11-22T09:00:00Z"
    res = client.post("/briefing", json={"articles": articles, "until": 1_761_987_600.5})
    assert [o["name"] for s in res.json()["sources"] for o in s["outlets"]] == ["Old News"]
    for bad in (-5, 1e30, True):
        assert "body.since" in _detail(
            client.post("/briefing", json={"articles": articles, "since": bad}), 422
        )


def test_a_blank_or_multiline_title_is_read_as_the_cli_reads_it(client: TestClient) -> None:
    """``"title": "   "`` gave a briefing titled "   " (the CLI's ``--title "  "`` gives
    "Briefing"), and a title with a line break kept it, breaking a Markdown heading."""
    for title, shown in (("   ", "Briefing"), ("Morning\n briefing ", "Morning briefing")):
        res = client.post("/briefing", json={"articles": [{"text": TEXT}], "title": title})
        assert res.status_code == 200, res.text
        assert res.json()["title"] == shown


def test_a_blank_source_or_url_is_none(client: TestClient) -> None:
    """A CMS's empty field ("  ") was kept as the outlet's name and URL: listed as "—    —"."""
    article = {"text": TEXT, "source": "  ", "url": " \n", "title": "Bridge vote"}
    res = client.post("/blurb", json={"article": article})
    assert res.status_code == 200, res.text
    assert res.json()["sources"][0]["outlets"] == [
        {"name": None, "url": None, "file": None, "record": None}
    ]
    article = {"text": TEXT, "source": " Daily\n Post ", "url": " https://a.example/1 "}
    res = client.post("/blurb", json={"article": article})
    assert res.json()["sources"][0]["outlets"][0]["name"] == "Daily Post"
    assert res.json()["sources"][0]["outlets"][0]["url"] == "https://a.example/1"


def test_top_k_is_passed_to_verify(client: TestClient) -> None:
    body = {"draft": "The council voted 7-2 to build a bridge.", "sources": [{"text": TEXT}]}
    res = client.post("/verify", json={**body, "top_k": 1})
    assert res.status_code == 200, res.text
    assert all(len(c["evidence"]) <= 1 for c in res.json()["claims"])


def test_strict_is_passed_to_verify(client: TestClient) -> None:
    draft = "The city council voted 7-2 on Tuesday to demolish a new bridge over the Elm River."
    body = {"draft": draft, "sources": [{"text": TEXT}]}
    default = client.post("/verify", json=body)
    strict = client.post("/verify", json={**body, "strict": True})
    assert default.status_code == strict.status_code == 200, (default.text, strict.text)
    assert default.json()["claims"][0]["supported"]  # one word of 11 changed: lenient passes
    claim = strict.json()["claims"][0]
    assert not claim["supported"]
    assert any(c["name"] == "verbs" and not c["passed"] for c in claim["checks"])


@pytest.mark.parametrize("encoding", ["gzip", "br", "deflate, gzip"])
def test_a_compressed_body_is_415_not_read_as_text(client: TestClient, encoding: str) -> None:
    """A client that compresses its requests got 400 'the body is not UTF-8 text (byte 1)'."""
    body = gzip.compress(json.dumps({"text": TEXT}).encode())
    res = client.post("/blurb", content=body, headers={**JSON, "content-encoding": encoding})
    assert _detail(res, 415) == (
        f"Content-Encoding {encoding} is not accepted; send the JSON body uncompressed"
    )
    plain = client.post("/blurb", json={"text": TEXT}, headers={"content-encoding": "identity"})
    assert plain.status_code == 200, plain.text


def test_wrong_routes_and_methods_answer_json(client: TestClient) -> None:
    assert _detail(client.get("/blurb"), 405).startswith("GET is not served here; the API is POST")
    assert _detail(client.put("/verify", json={}), 405).startswith("PUT is not served here")
    assert "POST /blurb, /briefing" in _detail(client.post("/summarize", json={"text": TEXT}), 404)
    assert _detail(client.get("/"), 404).startswith("no such route")


def test_a_trailing_slash_is_a_404_not_a_redirect(client: TestClient) -> None:
    """``POST /blurb/`` was a 307 with an empty body to ``http://<Host header>/blurb``: behind
    an https proxy the client re-sent its body and token over plain http (and any Host header
    chose the target)."""
    res = client.post(
        "/blurb/", json={"text": TEXT}, headers={"host": "evil.example"}, follow_redirects=False
    )
    assert "no trailing slash" in _detail(res, 404)
    assert "location" not in res.headers


def test_a_cors_preflight_is_told_there_is_no_cors(client: TestClient) -> None:
    """A CMS page's script on another origin: the preflight is refused (no CORS headers, so the
    browser blocks the call) and the detail, seen with curl, says why and what to do."""
    headers = {
        "origin": "https://cms.example",
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type, authorization",
    }
    res = client.options("/blurb", headers=headers)
    assert "no CORS" in _detail(res, 405)
    assert not any(k.lower().startswith("access-control-") for k in res.headers)


def test_a_fault_of_the_server_is_a_json_500_without_its_message(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Was 'Internal Server Error' as text/plain; the exception's message (which may hold a
    setting's value) stays in the server's log."""

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom: api_key=sk-should-not-leak")

    monkeypatch.setattr(serve.pipeline, "blurb", broken)
    app = create_app(ServeConfig(settings=Settings(backend="extractive")))
    res = TestClient(app, raise_server_exceptions=False).post("/blurb", json={"text": TEXT})
    assert _detail(res, 500) == "internal error (RuntimeError)"
    assert "sk-should-not-leak" not in res.text


def test_openapi_documents_what_the_routes_accept_and_answer(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    schemas = spec["components"]["schemas"]
    for path in ("/blurb", "/briefing", "/verify"):
        responses = spec["paths"][path]["post"]["responses"]
        assert {"200", "400", "408", "413", "415", "422", "500", "502", "503", "504"} <= set(
            responses
        )
        assert "401" not in responses  # no --token: no 401 and no security scheme
        for status in ("400", "415", "422", "504"):
            ref = responses[status]["content"]["application/json"]["schema"]["$ref"]
            assert ref == "#/components/schemas/ErrorOut"
    blurb = spec["paths"]["/blurb"]["post"]["requestBody"]["content"]["application/json"]
    assert {r["$ref"].rsplit("/", 1)[1] for r in blurb["schema"]["oneOf"]} == {
        "BlurbText",
        "BlurbArticle",
        "BlurbUrl",
    }
    assert {"since", "until", "max_words"} <= set(schemas["BriefingRequest"]["properties"])
    assert schemas["VerifyRequest"]["properties"]["top_k"]["minimum"] == 1
    with_token = create_app(ServeConfig(settings=Settings(backend="extractive"), token="t"))
    spec = TestClient(with_token).get("/openapi.json").json()  # the spec itself needs no token
    assert "401" in spec["paths"]["/blurb"]["post"]["responses"]
    assert spec["components"]["securitySchemes"]["HTTPBearer"]["scheme"] == "bearer"


def test_max_articles_above_200_is_honoured() -> None:
    """``--max-articles 500`` still refused 300 articles: the schema capped every list at 200."""
    app = create_app(ServeConfig(settings=Settings(backend="extractive"), max_articles=250))
    client = TestClient(app, raise_server_exceptions=False)
    articles = [{"text": f"Council {n} met on day {n} and voted {n} to 1."} for n in range(251)]
    res = client.post("/briefing", json={"articles": articles[:250]})
    assert res.status_code == 200, res.text
    res = client.post("/briefing", json={"articles": articles})
    assert "too many articles: at most 250" in _detail(res, 422)


@pytest.mark.parametrize(
    "text",
    [
        f"<p>{TEXT}</p>",
        f"<html><head><title>Bridge</title></head><body><p>{TEXT}</p></body></html>",
    ],
)
def test_an_html_body_with_one_block_tag_is_read_as_its_text(client: TestClient, text: str) -> None:
    """{"text": "<p>...</p>"} (one paragraph, or a whole page) kept its tags in the claims:
    fewer than two block tags was not HTML for a text, though a file was sniffed as HTML."""
    res = client.post("/blurb", json={"text": text})
    assert res.status_code == 200, res.text
    claims = [c["text"] for c in res.json()["claims"]]
    assert claims and all("<" not in c and c in TEXT for c in claims)


def test_a_page_sent_as_text_keeps_its_title_as_a_file_does(client: TestClient) -> None:
    """A whole page sent as an article's text lost its <title>, which the same page read as
    an .html file keeps; a title sent with it still wins."""
    from .test_ingest import PAGE_WITH_TITLE

    res = client.post("/blurb", json={"text": PAGE_WITH_TITLE})
    assert res.status_code == 200, res.text
    assert res.json()["title"] == "Council approves the Elm River bridge"
    res = client.post("/blurb", json={"article": {"text": PAGE_WITH_TITLE}})
    assert res.json()["title"] == "Council approves the Elm River bridge"
    res = client.post("/blurb", json={"article": {"text": PAGE_WITH_TITLE, "title": "Given"}})
    assert res.status_code == 200, res.text
    assert res.json()["title"] == "Given"


def test_a_blurb_with_no_claim_says_why_in_problems(client: TestClient) -> None:
    """``{"text": "a"}`` answered 200 with ``claims: []`` and no word of why; it is still 200
    (the Blurb JSON, as ``--format json``), and ``problems`` states it."""
    res = client.post("/blurb", json={"text": "a"})
    assert res.status_code == 200, res.text
    data = res.json()
    assert data["claims"] == []
    assert data["problems"] == [
        "nothing to summarise: the text is too short (no sentence of 3 words or more)"
    ]
    short = client.post("/blurb", json={"text": TEXT, "max_words": 3}).json()
    assert short["claims"] == []
    assert short["problems"][-1].startswith("no sentence fits in 3 words")


@pytest.mark.parametrize(
    ("route", "body", "says"),
    [
        ("/blurb", {"text": TEXT, "sentences": True}, "body.sentences: Input should be a valid"),
        ("/blurb", {"text": TEXT, "sentences": "3"}, "body.sentences: Input should be a valid"),
        ("/blurb", {"text": TEXT, "max_words": 30.0}, "body.max_words: Input should be a valid"),
        ("/briefing", {"articles": [{"text": TEXT}], "max_stories": True}, "body.max_stories"),
        ("/briefing", {"articles": [{"text": TEXT}], "min_sources": True}, "body.min_sources"),
        ("/briefing", {"articles": [{"text": TEXT}], "max_words": "80"}, "body.max_words"),
        ("/verify", {"draft": "It met.", "sources": [{"text": TEXT}], "top_k": True}, "top_k"),
        ("/verify", {"draft": "It met.", "sources": [{"text": TEXT}], "strict": "no"}, "strict"),
        ("/verify", {"draft": "It met.", "sources": [{"text": TEXT}], "strict": 1}, "strict"),
    ],
)
def test_a_bool_or_string_for_a_number_or_flag_is_422(
    client: TestClient, route: str, body: dict[str, Any], says: str
) -> None:
    """``{"sentences": true}`` was a 1-sentence blurb, ``"3"`` was read as 3, and
    ``"strict": "no"`` turned strict checking on; the config file and the library refuse such
    values, and so does the API now."""
    detail = _detail(client.post(route, json=body), 422)
    assert detail.startswith(f"invalid request: body.{says.removeprefix('body.')}"), detail


@pytest.mark.parametrize(
    ("published", "says"),
    [
        ("yesterday", "not a readable date"),
        ("March 40, 2025", "not a readable date"),
        (1e20, "not a Unix time"),
        (-1e15, "not a Unix time"),
        (10**30, "not a Unix time"),
    ],
)
def test_an_unreadable_published_date_is_422_naming_it(
    client: TestClient, published: object, says: str
) -> None:
    """ "yesterday", 1e20 or -1e15 as ``published`` kept the article as undated (so inside any
    ``since``), with no word of it; the CLI warns on stderr, which a caller never sees."""
    body = {"articles": [{"text": TEXT}, {"text": TEXT, "published": published}]}
    detail = _detail(client.post("/briefing", json=body), 422)
    assert detail.startswith(f"invalid request: body.articles.1.published: {says}"), detail
    blurb = {"article": {"text": TEXT, "published": published}}
    detail = _detail(client.post("/blurb", json=blurb), 422)
    assert detail.startswith(f"invalid request: body.article.published: {says}"), detail


@pytest.mark.parametrize("literal", ["NaN", "Infinity", "-Infinity"])
def test_a_non_finite_published_number_is_422(client: TestClient, literal: str) -> None:
    """Python's JSON reader takes NaN and Infinity: they were undated articles."""
    body = '{"articles": [{"text": "%s", "published": %s}]}' % (TEXT, literal)  # noqa: UP031
    res = client.post("/briefing", content=body.encode(), headers=JSON)
    assert _detail(res, 422).startswith(
        "invalid request: body.articles.0.published: not a Unix time"
    )


def test_a_blank_published_is_no_date(client: TestClient) -> None:
    res = client.post("/briefing", json={"articles": [{"text": TEXT, "published": "  "}]})
    assert res.status_code == 200, res.text
