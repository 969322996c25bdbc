#!/usr/bin/env python3
"""How often a perfect forecaster would meet issue 20's per-company targets on these backtests: the chance that a
forecast with no bias and an exact P10-P90 range lands its share inside within 70-90% and its bias within 3%, over as
many months as each backtest has.

Usage: python3 bench/forecast_targets_chance.py OUT_DIR [OUT_DIR ...]
Each OUT_DIR is as for bench/forecast_ranges.py (a backtested forecast's CSVs). For each folder, series (renewals,
month-to-month) and lead (3, 6 months ahead) it reads how many backtest months there are and how many have a range,
and how large the months' errors are, then draws 10,000 backtests of a perfect forecaster (seeded: the same figures
every run): each month's actual / forecast is exp(x), x normal with mean -s^2/2 (so the forecast is the expected
actual) and standard deviation s, and the range is x's own 10th-90th percentiles, so it holds 80% of months exactly;
the range is judged over the backtest's last months, as many as had one, and the bias (sum of forecasts / sum of
actuals - 1, the months taken as equal in size) over all of them, as bench/forecast_ranges.py judges the command's.
Two noises are tried, both from the folder's own rows:
- "coin flips": s from the model's range of independent renewals or churns (its p10/p90 columns, the median over
  the months): the least noise any forecast of these accounts faces, since each renewal is a coin flip;
- "observed": s the standard deviation of the log errors of the forecast given over its months with a range, and
  the months' errors correlated as they were there (lag-1 autocorrelation, 0 to 0.9): the noise the shipped
  forecast met, drift and shared shocks included.
Prints each figure's chance of meeting 70-90% and bias within 3%, the expected number met of all the figures, and the
chance of meeting both targets in every figure of the issue's test: the first three folders given, to be the demo
company and two other seeds (the figures taken as independent of each other, as the products of their chances). Standard library only; no build.
"""
import csv
import math
import os
import random
import sys
from statistics import median

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import forecast_ranges as fr  # noqa: E402  (the replay of the forecast given, shared with the variants' bench)

Z90 = 1.2815515655446004
DRAWS = 10000


def coin_flip_spread(path, lead, low, high):
    """The median over a lead's months of the model's independent range, as a standard deviation of log(actual / forecast)."""
    spreads = []
    for r in csv.DictReader(open(path)):
        if int(r['lead_months']) != lead:
            continue
        lo, hi = float(r[low]), float(r[high])
        if lo > 0 and hi > lo:
            spreads.append(math.log(hi / lo) / (2 * Z90))
    return median(spreads) if spreads else 0.0


def observed_noise(out, lead):
    """Standard deviation and lag-1 autocorrelation (0 to 0.9) of log(actual / forecast given) over the months with a range."""
    errors = [math.log(x[0]['a'] / x[1]) for x in sorted(out, key=lambda x: x[0]['month'])
              if x[0]['lead'] == lead and x[2] is not None and x[0]['a'] > 0]
    if len(errors) < 3:
        return 0.0, 0.0
    m = sum(errors) / len(errors)
    squares = sum((e - m) ** 2 for e in errors)
    s = math.sqrt(squares / (len(errors) - 1))
    r1 = sum((errors[i] - m) * (errors[i + 1] - m) for i in range(len(errors) - 1)) / squares if squares > 0 else 0.0
    return s, max(0.0, min(0.9, r1))


def chances(months, ranged, s, rho, rng):
    """Chances of 70-90% inside over the last `ranged` months, of |bias| <= 3% over all `months`, and of both, by simulation."""
    if months == 0 or s <= 0:
        return None
    inside_ok = bias_ok = both_ok = 0
    mu, carried = -s * s / 2, math.sqrt(1 - rho * rho)
    for _ in range(DRAWS):
        z = rng.gauss(0, 1)
        xs = []
        for _ in range(months):
            xs.append(mu + s * z)
            z = rho * z + carried * rng.gauss(0, 1)
        tail = xs[months - ranged:]
        inside = ranged > 0 and 0.7 <= sum(1 for x in tail if abs(x - mu) <= Z90 * s) / ranged <= 0.9
        unbiased = abs(months / sum(math.exp(x) for x in xs) - 1) <= 0.03
        inside_ok += inside
        bias_ok += unbiased
        both_ok += inside and unbiased
    return inside_ok / DRAWS, bias_ok / DRAWS, both_ok / DRAWS


def main(folders):
    if not folders or folders[0] in ('-h', '--help'):
        print(__doc__)
        return 0 if folders else 2
    rng = random.Random(20)
    figures = []
    for folder in folders:
        files = fr.backtest_files(folder)
        if files is None:
            return 2
        for name, path, columns, spread_columns in (
                ('renewals', files[0], fr.RENEWAL_COLUMNS, ('p10_renewed_arr', 'p90_renewed_arr')),
                ('month-to-month', files[1], fr.MONTHLY_COLUMNS, ('p10_mrr_kept', 'p90_mrr_kept'))):
            out = fr.replay(fr.rows_of(path, *columns), 'shipped')
            for lead in (3, 6):
                months = sum(1 for x in out if x[0]['lead'] == lead)
                ranged = sum(1 for x in out if x[0]['lead'] == lead and x[2] is not None)
                coin = coin_flip_spread(path, lead, *spread_columns)
                s, rho = observed_noise(out, lead)
                figures.append(dict(folder=folder, name=name, lead=lead, months=months, ranged=ranged,
                                    coin=(coin, chances(months, ranged, coin, 0.0, rng)),
                                    observed=(s, rho, chances(months, ranged, s, rho, rng))))
    print('A perfect forecaster on these backtests: chance of 70-90% inside / of bias within 3%, each figure')
    print(f"  {'folder':20s} {'series':15s} lead months (with range)   coin flips: s, chances       observed: s, autocorrelation, chances")
    for f in figures:
        c, cc = f['coin']
        s, rho, oc = f['observed']
        cell = lambda ch: '   -  /   -  ' if ch is None else f"{100 * ch[0]:5.1f}% / {100 * ch[1]:5.1f}%"
        print(f"  {f['folder']:20s} {f['name']:15s} {f['lead']:4d} {f['months']:6d} ({f['ranged']:2d})"
              f"   {100 * c:5.1f}% {cell(cc)}   {100 * s:5.1f}% {rho:4.2f} {cell(oc)}")
    for label, key in (('coin flips', 'coin'), ('observed', 'observed')):
        pairs = [f[key][-1] for f in figures if f[key][-1] is not None]
        expected_inside = sum(p[0] for p in pairs)
        expected_bias = sum(p[1] for p in pairs)
        every_inside = math.prod(p[0] for p in pairs)
        every_bias = math.prod(p[1] for p in pairs)
        issue = [f[key][-1] for f in figures if f['folder'] in folders[:3] and f[key][-1] is not None]
        issue_all = math.prod(p[2] for p in issue)
        print(f"{label}: of {len(pairs)} figures, expected to meet 70-90% {expected_inside:.1f} and bias within 3% {expected_bias:.1f};"
              f" every figure 70-90%: {100 * every_inside:.3g}%, every bias: {100 * every_bias:.3g}%;"
              f" the issue's test ({len(issue)} figures of {', '.join(folders[:3])}, both targets): {100 * issue_all:.3g}%")
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
