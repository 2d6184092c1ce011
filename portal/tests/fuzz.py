"""What the fuzz tests share: Hypothesis settings, hostile text and the never-a-5xx request.

Settings: `max_examples=150` generated inputs per test, no deadline (a request on a shared
machine may be slow), derandomized (every run tries the same inputs, so a failure is
reproducible) and fixtures set up once per test, not per example: every example of a test runs
against the same database state.

150 and not more: a derandomized run of 150 already sends every field or parameter name and every
known troublemaker of each strategy here (checked against 400 examples when it was lowered), and
each further example is one more request.
"""

from urllib.parse import urlencode

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

FUZZ = settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def hostile_text(samples, max_size):
    """Any unicode up to `max_size` characters, or one of the known troublemakers."""
    return st.one_of(st.text(max_size=max_size), st.sampled_from(list(samples)))


def get_without_server_error(client, path, params):
    """GET path?params and check the answer is not a server error; returns the response."""
    response = client.get(f"{path}?{urlencode(params)}")
    assert response.status_code < 500, (path, params, response.status_code)
    return response
