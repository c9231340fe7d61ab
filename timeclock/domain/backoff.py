"""How long to wait before the next delivery attempt: exponential, jittered, capped."""

from __future__ import annotations

import random
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Backoff:
    """Waits ``first * 2**attempt`` seconds up to ``longest``, each cut by up to half.

    The jitter keeps many desks that lost the network together from all knocking again at
    the same second. A server's ``Retry-After`` wins when it asks for longer.
    """

    first: float = 1.0
    longest: float = 300.0
    # A server asking for more than this is not waited for longer than this.
    longest_retry_after: float = 1200.0

    def delay(
        self, attempt: int, retry_after: float | None = None, rng: random.Random | None = None
    ) -> float:
        """Seconds to wait after the ``attempt``-th failure in a row (counted from 0)."""
        ceiling = min(self.longest, self.first * 2.0 ** min(attempt, 32))
        jittered = ceiling * (0.5 + 0.5 * (rng or _RANDOM).random())
        if retry_after is not None:
            return max(jittered, min(retry_after, self.longest_retry_after))
        return jittered


_RANDOM = random.Random()  # noqa: S311 - spreading retries, not secrets
