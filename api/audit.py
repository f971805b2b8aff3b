"""One structured line per API call on the "bedoeling.audit" logger.

A small private helper until the project's shared audit function lands; the fields are the same:
who, what, when (UTC), where, object, result.
"""

from __future__ import annotations

import datetime as dt
import json
import logging

from organisations import clock

logger = logging.getLogger("bedoeling.audit")


def audit(*, who: str, what: str, where: str, object: str, result: str) -> None:
    logger.info(
        json.dumps(
            {
                "who": who,
                "what": what,
                "when": clock.now().astimezone(dt.UTC).isoformat(),
                "where": where,
                "object": object,
                "result": result,
            },
            sort_keys=True,
        )
    )
