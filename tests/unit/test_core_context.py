"""The record of the call in progress (`kbapi._core.context`): opened, nested, filled."""

from __future__ import annotations

import httpx
from kbapi._core.context import CallRecord, current_call, note_request, note_response, recording

REQUEST = httpx.Request("GET", "http://127.0.0.1:1/a")


def test_no_record_outside_a_block_and_notes_are_then_ignored() -> None:
    assert current_call() is None
    note_request(REQUEST)
    note_response(REQUEST, httpx.Response(200), 1)
    assert current_call() is None


def test_a_fresh_record_is_empty() -> None:
    with recording() as record:
        assert current_call() is record
        assert (record.method, record.url, record.response, record.retries) == (None, None, None, 0)


def test_nested_blocks_restore_the_outer_record() -> None:
    with recording() as outer:
        with recording() as inner:
            assert inner is not outer
            assert current_call() is inner
        assert current_call() is outer
    assert current_call() is None


def test_notes_fill_the_record() -> None:
    response = httpx.Response(503)
    with recording() as record:
        note_request(REQUEST)
        assert (record.method, record.url, record.response) == ("GET", REQUEST.url, None)
        later = httpx.Request("PUT", "http://127.0.0.1:1/b")
        note_response(later, response, 2)
    assert (record.method, record.url, record.response, record.retries) == (
        "PUT",
        later.url,
        response,
        2,
    )


def test_the_record_repr_shows_every_field() -> None:
    record = CallRecord()
    record.method = "GET"
    record.retries = 3
    assert repr(record) == "CallRecord(method='GET', url=None, response=None, retries=3)"
