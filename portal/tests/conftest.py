from portal.tests.fixtures import demo_site  # noqa: F401
