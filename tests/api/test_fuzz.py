"""Fuzz every GET endpoint with query and path values drawn from the OpenAPI document itself."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

TEXT = st.text(st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]), max_size=30)


def _values(schema):
    """Values the schema allows, and some it does not (the API must answer 4xx, never 5xx)."""
    schema = next(iter(schema.get("anyOf", [schema])))
    if schema.get("type") == "integer":
        low, high = schema.get("minimum", -(10**6)), schema.get("maximum", 10**6)
        return st.one_of(st.integers(low, high), st.integers(), TEXT)
    return st.one_of(TEXT, st.sampled_from(["hoa-an", "2024", ""]), st.integers())


def _operations(document):
    for path, methods in document["paths"].items():
        if "get" in methods:
            yield path, methods["get"].get("parameters", [])


def _request(draw, path, parameters):
    query = {}
    for parameter in parameters:
        value = draw(_values(parameter.get("schema", {})))
        if parameter["in"] == "path":
            path = path.replace("{" + parameter["name"] + "}", str(value).replace("/", "") or "x")
        elif parameter.get("required") or draw(st.booleans()):
            query[parameter["name"]] = value
    return path, query


@pytest.mark.parametrize("persona", [None, "union_staff"])
def test_no_get_endpoint_answers_a_server_error(api_as, persona):
    client = api_as(persona)
    operations = list(_operations(client.client.get("/api/v1/openapi.json").json()))
    assert len(operations) == 9

    @settings(
        max_examples=60,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
        database=None,
    )
    @given(st.data())
    def check(data):
        path, parameters = data.draw(st.sampled_from(operations))
        url, query = _request(data.draw, path, parameters)
        answer = client.client.get(url, query, headers=client.headers)
        assert answer.status_code < 500, (url, query, answer.content[:300])

    check()
