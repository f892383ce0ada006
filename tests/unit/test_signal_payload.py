"""`send()` builds its JSON without the model: `wire_payload` writes what
``wire_body(...).to_dict()`` writes, key order included (the bytes on the wire), and the model
it stands for comes back from it when a send is in doubt."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st
from kbapi._generated.q_api.models import SignalCreate
from kbapi.daskeyboard import get_layout
from kbapi.daskeyboard.effects import Effect
from kbapi.daskeyboard.signals import SignalSpec, wire_body, wire_payload

from tests.support.depth import examples

LAYOUT = get_layout("en-US")
specs = st.builds(
    SignalSpec,
    pid=st.sampled_from(["DK5QPID", "DK4QPID"]),
    layout=st.just(LAYOUT),
    effect=st.sampled_from(list(Effect)),
    name=st.text(max_size=5),
    message=st.text(max_size=5),
    client_name=st.text(max_size=5),
    action=st.none() | st.just("url:https://example.com"),
    is_muted=st.none() | st.booleans(),
)


@settings(max_examples=examples(100), deadline=None)
@given(specs, st.sampled_from(["2,2", "KEY_Q", "74"]), st.sampled_from(["#FF0000", "#00AA11"]))
def test_the_payload_is_the_models_json_and_reads_back_as_the_model(
    spec: SignalSpec, zone_id: str, color: str
) -> None:
    body = wire_body(zone_id, color, spec)
    payload = wire_payload(zone_id, color, spec)
    assert json.dumps(payload) == json.dumps(body.to_dict())  # same keys, values and order
    assert SignalCreate.from_dict(payload) == body
