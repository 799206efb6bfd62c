"""Speed work on the parser that must not change what it finds: the faster paths give the results
of the plain ones they stand in for."""

from __future__ import annotations

import itertools
import random

from paperkit.reading.parse import _cluster


def _plain_cluster(rects, gap):
    """`_cluster` as it was written first: every new rect compared with every cluster."""
    clusters = []
    for r in sorted(rects, key=lambda r: (r[1], r[0])):
        if clusters and clusters[-1][0] <= r[0] and clusters[-1][1] <= r[1] and r[2] <= clusters[-1][2] and \
                r[3] <= clusters[-1][3]:
            continue
        clusters.append(list(r))
        merged = True
        while merged and len(clusters) > 1:
            merged = False
            last = clusters[-1]
            for i in itertools.chain((len(clusters) - 2,), range(len(clusters) - 2)):
                c = clusters[i]
                if c[0] - gap <= last[2] and last[0] - gap <= c[2] and c[1] - gap <= last[3] and last[1] - gap <= c[3]:
                    c[0], c[1] = min(c[0], last[0]), min(c[1], last[1])
                    c[2], c[3] = max(c[2], last[2]), max(c[3], last[3])
                    clusters.pop()
                    clusters.append(clusters.pop(i))
                    merged = True
                    break
    return [tuple(c) for c in clusters if (c[2] - c[0]) * (c[3] - c[1]) > 200 or (c[3] - c[1] > 8 and c[2] - c[0] > 8)]


def test_cluster_gives_the_plain_merges_in_their_order():
    rng = random.Random(7)
    for _ in range(1500):
        n = rng.choice([1, 3, 20, 150])
        scale, size = rng.choice([60, 300, 700]), rng.choice([1, 6, 25, 80])
        rects = []
        for _ in range(n):
            x, y = rng.uniform(0, scale), rng.uniform(0, scale)
            if rng.random() < 0.3:
                x, y = round(x), round(y)  # edges that meet exactly
            rects.append([x, y, x + rng.uniform(0, size), y + rng.uniform(0, size)])
        gap = rng.choice([0.5, 2.0, 8.0])
        assert _cluster([list(r) for r in rects], gap) == _plain_cluster([list(r) for r in rects], gap)


def test_cluster_of_plots_side_by_side_whose_marks_come_in_turn():
    # Three plots in a row, their marks taken from the top down: each mark falls inside a plot
    # merged before the last one, which moves that plot to the end of the list.
    rects = []
    for left in (50.0, 200.0, 350.0):
        rects.append([left, 100.0, left + 100.0, 200.0])  # the plot's frame
    for row in range(40):
        for left in (50.0, 200.0, 350.0):
            x = left + 5 + (row * 7) % 90
            rects.append([x, 102.0 + row * 2, x + 1.0, 103.0 + row * 2])
    rects.append([360.0, 199.0, 361.0, 199.5])  # the last mark inside the third plot
    rects.append([60.0, 199.5, 61.0, 199.8])  # and then one inside the first
    got = _cluster([list(r) for r in rects], 8.0)
    assert got == _plain_cluster([list(r) for r in rects], 8.0)
    assert [c[0] for c in got] == [200.0, 350.0, 50.0]
