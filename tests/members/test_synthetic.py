"""The synthetic name generator: Vietnamese order and realistic surnames."""

from __future__ import annotations

import random
from collections import Counter

from xaydungdang.core.text import name_sort_key
from xaydungdang.demo.members.synthetic import GIVEN, MIDDLE, SURNAMES, full_name


def test_names_are_family_middle_given_with_realistic_surnames() -> None:
    rng = random.Random(1)
    names = [full_name(rng, "female" if i % 2 else "male") for i in range(20000)]
    families = Counter(n.split()[0] for n in names)
    assert 0.35 < families["Nguyễn"] / len(names) < 0.41
    assert len(families) > 30
    for i, name in enumerate(names[:2000]):
        words = name.split()
        gender = "female" if i % 2 else "male"
        assert words[0] in dict(SURNAMES) and words[-1] in GIVEN[gender]
        assert all(w in MIDDLE[gender] for w in words[1:-1]) and 3 <= len(words) <= 4
    assert sum("Thị" in n.split() for n in names[1::2]) > 0.6 * len(names[1::2])
    assert sum("Văn" in n.split() for n in names[::2]) > 0.4 * len(names[::2])
    # Names repeat, as they do in life ("Nguyễn Văn Hùng"), but none dominates.
    assert len(set(names)) > 5000 and Counter(names).most_common(1)[0][1] < 0.01 * len(names)
    ordered = sorted(["Nguyễn Văn Bình", "Trần Thị An", "Lê Ánh"], key=name_sort_key)
    assert ordered == ["Trần Thị An", "Lê Ánh", "Nguyễn Văn Bình"]
