from tests.contests.conftest import youth_round  # noqa: F401 — the open youth round of 2026
