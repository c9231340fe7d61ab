"""The benchmark table: medians, spread, ratios and whether a goal of issue #9 is met."""

from __future__ import annotations

from benchmarks.report import Goal, Judge, Measure, Row, Unit, markdown_table, text_table


def seconds(*samples: float) -> Measure:
    measure = Measure.of(samples, Unit.SECONDS)
    assert measure is not None
    return measure


def test_a_measure_has_median_and_spread() -> None:
    measure = seconds(0.9, 0.3, 0.5)
    assert measure.median == 0.5
    assert measure.text() == "0.50 s"
    assert measure.spread() == "0.30 s .. 0.90 s"
    assert seconds(0.4).spread() == "-"
    assert Measure.of([], Unit.SECONDS) is None


def test_a_ratio_goal_compares_medians_with_the_floor() -> None:
    goal = Goal("<= 1.3x floor", most=1.3)
    assert goal.met(seconds(1.2, 1.3, 9.0), seconds(1.0)) is True
    assert goal.met(seconds(1.4, 1.4, 0.1), seconds(1.0)) is False
    assert goal.met(seconds(1.0), None) is None  # no floor, no verdict


def test_a_never_goal_takes_the_worst_sample() -> None:
    stall = Goal("never > 16 ms", most=16, ratio=False, judge=Judge.WORST)
    milliseconds = Measure.of([5, 6, 17], Unit.MILLISECONDS)
    assert milliseconds is not None
    assert stall.met(milliseconds, None) is False
    rate = Goal(">= 0.8x floor", least=0.8, judge=Judge.WORST)
    per_second = Measure.of([900, 700], Unit.PER_SECOND)
    floor = Measure.of([1000], Unit.PER_SECOND)
    assert per_second is not None
    assert rate.met(per_second, floor) is False  # the worst (lowest) is 0.7x
    assert Goal(">= 0.8x floor", least=0.8).met(per_second, floor) is True  # median 0.8x


def test_the_table_shows_every_row_with_its_verdict() -> None:
    rows = [
        Row("1", "start", seconds(0.8, 0.7), seconds(0.2), "bare", Goal("<= 1.3x", most=1.3)),
        Row("4", "server", seconds(0.1), seconds(0.1), "", Goal("<= 2x", most=2)),
        Row("5", "broken", None, error="timed out"),
    ]
    text = text_table(rows)
    lines = text.splitlines()
    assert len(lines) == 2 + len(rows)
    assert "0.75 s" in lines[2] and "3.75x" in lines[2] and "NOT met" in lines[2]
    assert "1.00x" in lines[3] and lines[3].split()[-1] == "met"
    assert "failed" in lines[4] and "timed out" in lines[4]
    markdown = markdown_table(rows).splitlines()
    assert markdown[0].startswith("| # | what |") and len(markdown) == 2 + len(rows)


def test_rows_keep_their_samples_for_json() -> None:
    row = Row("2", "stall", seconds(0.1, 0.2), seconds(0.3), "floor", Goal("g", most=1))
    document = row.to_json()
    assert document["samples"] == [0.1, 0.2]
    assert document["floor"] == [0.3]
    assert document["met"] is True
    assert abs(document["ratio"] - 0.15 / 0.3) < 1e-9


def test_samples_taken_side_by_side_give_a_paired_ratio() -> None:
    # A load that comes and goes slows both sides of a pair alike.
    row = Row("1", "start", seconds(1.0, 2.0, 4.0), seconds(0.5, 1.0, 2.0), "bare")
    assert row.paired_ratio == 2.0
    assert "paired ratio 2.00x" in row.cells()[-1]
    assert Row("1", "one", seconds(1.0), seconds(0.5)).paired_ratio is None
    assert Row("1", "uneven", seconds(1.0, 2.0), seconds(0.5)).paired_ratio is None
