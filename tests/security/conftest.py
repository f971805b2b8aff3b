import json
import logging

import pytest

from organisations.audit import JsonFormatter


class _Lines(logging.Handler):
    def __init__(self):
        super().__init__(level=logging.DEBUG)
        self.lines: list[str] = []
        self.setFormatter(JsonFormatter())

    def emit(self, record):
        self.lines.append(self.format(record))

    def events(self, what: str | None = None) -> list[dict]:
        parsed = [json.loads(line) for line in self.lines]
        return [line for line in parsed if what is None or line["what"] == what]


@pytest.fixture
def audit_lines():
    """Every line the audit logger writes during the test, exactly as the JSON formatter
    writes them."""
    handler = _Lines()
    logger = logging.getLogger("bedoeling.audit")
    logger.addHandler(handler)
    previous = logger.level
    logger.setLevel(logging.INFO)
    yield handler
    logger.removeHandler(handler)
    logger.setLevel(previous)
