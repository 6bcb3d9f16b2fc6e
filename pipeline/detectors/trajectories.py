"""Rules over the numbers of target rows: baselines, trajectories and track records.

Every explanation shows the numbers it rests on, so a reviewer can check the arithmetic."""

from __future__ import annotations

from ..findings import Finding
from ..pack import Pack, TargetRow, Value
from ..settings import Settings
from .registry import detector
from .targets import _label, _row_evidence, _year_label


def _fmt(v: Value) -> str:
    return v.raw.strip() or "blank"


def _points(row: TargetRow) -> list[tuple[int, float]]:
    """Baseline then dated targets, as (year, value), when they share a unit and are all quantified."""
    if row.baseline is None or not row.baseline.quantified or row.baseline_year is None:
        return []
    targets = row.dated_targets()
    if not targets or not all(v.quantified and v.kind == "number" and v.unit == row.baseline.unit
                              for v in targets.values()):
        return []
    return [(row.baseline_year, row.baseline.number)] + [(y, v.number) for y, v in targets.items()]


def _track(row: TargetRow) -> list[tuple[int, float]]:
    return [(y, v.number) for y, v in sorted(row.actuals.items()) if v.quantified]


@detector("rule:target-numbers", signals=["missing-baseline", "no-trajectory", "straight-line-trajectory",
                                          "implausible-target"])
def target_number_rules(pack: Pack, settings: Settings):
    for row in pack.targets:
        yield from _missing_baseline(row)
        yield from _no_trajectory(row)
        yield from _straight_line(row, settings)
        yield from _implausible(row, settings)


def _missing_baseline(row: TargetRow):
    if "baseline" not in row.cells or not row.targets:
        return
    if row.baseline is not None and not row.baseline.quantified:
        yield Finding("missing-baseline", "", f"Target {_label(row)} has no baseline figure "
                      f"(the baseline cell is {_fmt(row.baseline)}).", [_row_evidence(row)], 0.9)


def _no_trajectory(row: TargetRow):
    """Only an end point: a figure for the final year and none for the years before it."""
    dated = row.dated_targets()
    if len(dated) < 2:
        return
    years = sorted(dated)
    final = dated[years[-1]]
    earlier = [dated[y] for y in years[:-1]]
    if final.quantified and not any(v.quantified for v in earlier) and all(v.kind in ("blank", "na", "tbc")
                                                                            for v in earlier):
        shown = "; ".join(f"{_year_label(y)}: {_fmt(dated[y])}" for y in years)
        yield Finding("no-trajectory", "", f"Target {_label(row)} has only an end point and no milestones "
                      f"for the years before it ({shown}).", [_row_evidence(row)], 0.85)


def _yearly_steps(points: list[tuple[int, float]]) -> list[float]:
    """The change per year between consecutive points (a baseline two years before the first target
    counts as two years of change)."""
    return [(b - a) / (yb - ya) for (ya, a), (yb, b) in zip(points, points[1:]) if yb > ya]


def _equal_steps(points: list[tuple[int, float]], tolerance: float) -> bool:
    steps = _yearly_steps(points)
    span = abs(points[-1][1] - points[0][1])
    return span > 0 and len(steps) == len(points) - 1 and all(
        abs(s - steps[0]) <= max(tolerance * span, 0.051) for s in steps)


def _straight_line(row: TargetRow, settings: Settings):
    points = _points(row)
    track = _track(row)
    if len(points) < settings.straight_line_min_points or len(track) < 2:
        return
    if not _equal_steps(points, settings.straight_line_tolerance):
        return
    step = _yearly_steps(points)[0]
    trend = (track[-1][1] - track[0][1]) / max(track[-1][0] - track[0][0], 1)
    # the track record 'moves otherwise': opposite direction, flat, or a yearly change far from the step
    if step and trend and (trend / step) > 0 and 0.5 <= trend / step <= 2.0:
        return
    shown = ", ".join(f"{_year_label(y)}: {v:g}" for y, v in points)
    record = ", ".join(f"{_year_label(y)}: {v:g}" for y, v in track)
    yield Finding("straight-line-trajectory", "",
                  f"Target {_label(row)} moves in equal steps of {step:+.3g} a year from its baseline ({shown}), "
                  f"while the track record changed by {trend:+.3g} a year ({record}).", [_row_evidence(row)], 0.8)


def _implausible(row: TargetRow, settings: Settings):
    points = _points(row)
    track = _track(row)
    if len(points) < 2 or len(track) < 2:
        return
    last_year, last_value = max(track + [points[0]])
    final_year, final_value = points[-1]
    if final_year <= last_year:
        return
    required = (final_value - last_value) / (final_year - last_year)
    trend = (track[-1][1] - track[0][1]) / max(track[-1][0] - track[0][0], 1)
    scale = max(abs(last_value), 1e-9)
    direction = 1 if required > 0 else -1
    steep = abs(required) / scale >= settings.implausible_min_yearly_change
    if not steep:
        return
    against_trend = trend * direction <= settings.flat_trend_share * scale
    much_faster = trend * direction > 0 and abs(required) >= settings.implausible_ratio * abs(trend)
    if not (against_trend or much_faster):
        return
    record = ", ".join(f"{_year_label(y)}: {v:g}" for y, v in track)
    why = ("the track record is flat or moving the other way" if against_trend
           else f"that is {abs(required) / abs(trend):.1f} times the recent rate")
    yield Finding("implausible-target", "",
                  f"Target {_label(row)} needs a change of {required:+.3g} a year to reach {final_value:g} by "
                  f"{_year_label(final_year)}, while the track record moved {trend:+.3g} a year ({record}); {why}.",
                  [_row_evidence(row)], 0.75)
