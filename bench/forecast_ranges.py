#!/usr/bin/env python3
"""Replays the forecast given's choice of method and its P10-P90 range over backtest CSVs, with the shipped method
(root mean square of past log errors x Student's t) and the variants docs/forecast-and-metrics.md reports as tried.

Usage: python3 bench/forecast_ranges.py OUT_DIR [OUT_DIR ...]
Each OUT_DIR holds what `churnwatch forecast renewals --out OUT_DIR/forecast.csv` wrote (forecast_backtest.csv and
forecast_month_to_month_backtest.csv), or the weekly job's renewal_forecast_*backtest.csv. Prints, per series and
variant, for each folder: the share of months with a range whose actual fell inside it, at 3 and 6 months ahead,
and the bias of the forecast given over all months (sum forecast / sum actual - 1).

Like ForecastCalibration: a row's range comes from the rows of the same lead settled by its forecast date (month end +
30 days grace) within the 24 months before it, at least 4 of them; the method is the model unless its mean absolute
error there was not below the trailing rate's; no range below 4 rows (the trailing rate is given).
"""
import csv
import datetime as dt
import glob
import math
import os
import sys
from statistics import mean

# Student's t 90th percentile by degrees of freedom (as ForecastCalibration), the normal's 1.2816 beyond.
T90 = {1: 3.078, 2: 1.886, 3: 1.638, 4: 1.533, 5: 1.476, 6: 1.440, 7: 1.415, 8: 1.397, 9: 1.383, 10: 1.372,
       11: 1.363, 12: 1.356, 13: 1.350, 14: 1.345, 15: 1.341, 16: 1.337, 17: 1.333, 18: 1.330, 19: 1.328, 20: 1.325,
       21: 1.323, 22: 1.321, 23: 1.319, 24: 1.318, 25: 1.316, 26: 1.315, 27: 1.314, 28: 1.313, 29: 1.311, 30: 1.310}


def t90(n):
    return T90.get(n, 1.2816)


def day(text):
    return dt.date.fromisoformat(text)


def settled(month, grace=30):
    following = dt.date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return following + dt.timedelta(days=grace)


def rows_of(path, actual, model, trailing, due):
    return [dict(month=day(r['month']), lead=int(r['lead_months']), date=day(r['forecast_date']), a=float(r[actual]),
                 m=float(r[model]), t=float(r[trailing]), due=float(r[due])) for r in csv.DictReader(open(path))]


def replay(rows, variant, minimum=4, window_months=24):
    out = []
    for r in rows:
        def known_rows(months):
            return sorted((k for k in rows if k['lead'] == r['lead'] and settled(k['month']) <= r['date']
                           and settled(k['month']) > r['date'] - dt.timedelta(days=30.44 * months)), key=lambda k: k['month'])
        known = known_rows(window_months)
        if len(known) < minimum:
            out.append((r, r['t'], None, None))
            continue
        method = 'm' if mean(abs(k['m'] - k['a']) / k['a'] for k in known) < mean(abs(k['t'] - k['a']) / k['a'] for k in known) else 't'
        errors = [math.log(k['a'] / k[method]) for k in known]
        s, q, shift = math.sqrt(mean(e * e for e in errors)), t90(len(errors)), 0.0
        if variant == 'window 12 months':
            recent = known_rows(12)
            if len(recent) >= minimum:
                errors = [math.log(k['a'] / k[method]) for k in recent]
                s, q = math.sqrt(mean(e * e for e in errors)), t90(len(errors))
        elif variant == 'widen by the latest error':
            s = math.sqrt(s * s + errors[-1] ** 2)
        elif variant == 'at least the largest of 6':
            s = max(s, max(abs(e) for e in errors[-6:]) / q)
        elif variant == 'shift by the last 3':
            shift = mean(errors[-3:])
            s = math.sqrt(mean((e - shift) ** 2 for e in errors))
        point = r[method] * math.exp(shift)
        out.append((r, point, point * math.exp(-q * s), min(r['due'], point * math.exp(q * s))))
    return out


def figures(out, lead):
    ranged = [x for x in out if x[0]['lead'] == lead and x[2] is not None]
    every = [x for x in out if x[0]['lead'] == lead]
    if not every:
        return '-'
    bias = sum(x[1] for x in every) / sum(x[0]['a'] for x in every) - 1
    inside = f"{100 * mean(1 if x[2] <= x[0]['a'] <= x[3] else 0 for x in ranged):3.0f}% of {len(ranged):2d}" if ranged else '   no range'
    return f"{inside} {100 * bias:+5.1f}%"


def main(folders):
    if not folders or folders[0] in ('-h', '--help'):
        print(__doc__)
        return 0 if folders else 2
    series = []
    for folder in folders:
        renewal = [p for p in glob.glob(os.path.join(folder, '*_backtest.csv')) if not p.endswith('_month_to_month_backtest.csv')]
        monthly = glob.glob(os.path.join(folder, '*_month_to_month_backtest.csv'))
        if len(renewal) != 1 or len(monthly) != 1:
            print(f"{folder}: expected one *_backtest.csv and one *_month_to_month_backtest.csv, found {len(renewal)} and {len(monthly)}", file=sys.stderr)
            return 2
        series.append((folder,
                       rows_of(renewal[0], 'actual_renewed_arr', 'expected_renewed_arr', 'trailing_rate_renewed_arr', 'arr_due'),
                       rows_of(monthly[0], 'actual_mrr_kept', 'expected_mrr_kept', 'trailing_rate_mrr_kept', 'mrr_at_forecast')))
    print('columns: ' + ' | '.join(f[0] for f in series) + '  (each: inside P10-P90 and bias, 3 months ahead ; 6 months ahead)')
    for name, index in (('renewals', 1), ('month-to-month', 2)):
        for variant in ('shipped (rms x t)', 'window 12 months', 'widen by the latest error', 'at least the largest of 6', 'shift by the last 3'):
            cells = []
            for company in series:
                out = replay(company[index], variant)
                cells.append(f"{figures(out, 3)} ; {figures(out, 6)}")
            print(f"{name:15s} {variant:26s} " + ' | '.join(cells))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
