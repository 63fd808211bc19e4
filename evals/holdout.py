"""The held-back part of a real development set, fixed before any tuning.

A case is held back when the first eight hex digits of sha1(id) are divisible by 4: about a quarter
of any set, chosen by its id alone, so no one picks which cases are hard. Tuning looks only at the
rest; the eval reports the held-back part apart. Changing this rule after tuning would void it.
"""

from __future__ import annotations

import hashlib


def is_held_back(case_id: str) -> bool:
    return int(hashlib.sha1(case_id.encode("utf-8")).hexdigest()[:8], 16) % 4 == 0
