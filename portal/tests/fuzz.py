"""What the fuzz tests share: Hypothesis settings, hostile text and the never-a-5xx request.

Settings: `max_examples=400` generated inputs per test (a test that sends each input to several
addresses asks for fewer), no deadline (a request on a shared machine may be slow), derandomized
(every run tries the same inputs, so a failure is reproducible) and fixtures set up once per test,
not per example: every example of a test runs against the same database state.
"""

from urllib.parse import urlencode

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

FUZZ = settings(
    max_examples=400,
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
