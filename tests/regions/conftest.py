from tests.publication.conftest import lockable, published  # noqa: F401  (the locked demo year)
