#!/usr/bin/env python3
"""Replays the forecast given and its P10-P90 range over backtest CSVs, with the shipped method (the mean of the model
and the trailing rate; range: the prediction interval of the next log ratio actual / forecast from the mean and standard
deviation of past ones, Student's t) and the variants docs/forecast-and-metrics.md reports as tried.

Usage: python3 bench/forecast_ranges.py OUT_DIR [OUT_DIR ...]
Each OUT_DIR holds what `churnwatch forecast renewals --out OUT_DIR/forecast.csv` wrote (forecast_backtest.csv and
forecast_month_to_month_backtest.csv), or the weekly job's renewal_forecast_*backtest.csv. Prints, per series and
variant, for each folder: the share of months with a range whose actual fell inside it, at 3 and 6 months ahead,
the bias of the forecast given over all months (sum forecast / sum actual - 1), and its mean absolute error with the
trailing rate's in brackets; then how many of those figures meet the targets (inside 70-90%, bias within 3%, error
below the trailing rate's), and the share inside P10-P90 over all the folders' months together, with how many fell below
and above it, and how far the figures' shares inside stray from 80% (a chi-square: about the number of figures for a
range that holds 80% of independent months).

Like ForecastCalibration: a row's range comes from the rows of the same lead settled by its forecast date (month end +
30 days grace) within the 12 months before it, at least 4 of them; no range below 4 rows (the trailing rate is given
alone). "centred (before)" is the range ChurnWatch gave before: the forecast x exp(+-t(n) x the root mean square of
the log ratios). The variant "model or trailing rate" is what ChurnWatch shipped before that: the model unless its mean absolute error
over the rows settled in the 24 months before was not below the trailing rate's, its range from those rows.
"""
import csv
import datetime as dt
import glob
import math
import os
import sys
from statistics import mean

def t90(n):
    """Student's t 90th percentile with n degrees of freedom, by the same Cornish-Fisher expansion around the normal's as
    ForecastCalibration.StudentT90, so the replay gives the command's ranges to the cent."""
    z = 1.2815515655446004
    z3 = z ** 3
    z5 = z3 * z * z
    z7 = z5 * z * z
    return z + (z3 + z) / (4 * n) + (5 * z5 + 16 * z3 + 3 * z) / (96 * n * n) + (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * n ** 3)


def add_months(date, months):
    """As DateOnly.AddMonths: the same day so many calendar months away, the month's last day where it has fewer."""
    index = date.year * 12 + date.month - 1 + months
    year, month = index // 12, index % 12 + 1
    last = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(year, month, min(date.day, last))


def day(text):
    return dt.date.fromisoformat(text)


def settled(month, grace=30):
    following = dt.date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return following + dt.timedelta(days=grace)


# The columns rows_of reads, per backtest: actual, model, trailing rate, and what was due (or paid at the forecast date).
RENEWAL_COLUMNS = ('actual_renewed_arr', 'expected_renewed_arr', 'trailing_rate_renewed_arr', 'arr_due')
MONTHLY_COLUMNS = ('actual_mrr_kept', 'expected_mrr_kept', 'trailing_rate_mrr_kept', 'mrr_at_forecast')


def backtest_files(folder):
    """The folder's renewal and month-to-month backtest CSVs, or None (saying why on stderr) unless there is one of each."""
    renewal = [p for p in glob.glob(os.path.join(folder, '*_backtest.csv')) if not p.endswith('_month_to_month_backtest.csv')]
    monthly = glob.glob(os.path.join(folder, '*_month_to_month_backtest.csv'))
    if len(renewal) != 1 or len(monthly) != 1:
        print(f"{folder}: expected one *_backtest.csv and one *_month_to_month_backtest.csv, found {len(renewal)} and {len(monthly)}", file=sys.stderr)
        return None
    return renewal[0], monthly[0]


def rows_of(path, actual, model, trailing, due):
    rows = [dict(month=day(r['month']), lead=int(r['lead_months']), date=day(r['forecast_date']), a=float(r[actual]),
                 m=float(r[model]), t=float(r[trailing]), due=float(r[due])) for r in csv.DictReader(open(path))]
    for r in rows:
        r['c'] = (r['m'] + r['t']) / 2  # the combined forecast, as ForecastCalibration.Combine
    return rows


def replay(rows, variant, minimum=4):
    out = []
    for r in rows:
        def known_rows(months):
            return sorted((k for k in rows if k['lead'] == r['lead'] and settled(k['month']) <= r['date']
                           and settled(k['month']) > add_months(r['date'], -months)), key=lambda k: k['month'])
        known = known_rows(24 if variant in ('model or trailing rate', 'window 24 months') else 12)
        if len(known) < minimum:
            out.append((r, r['t'], None, None))
            continue
        if variant == 'model or trailing rate':
            method = 'm' if mean(abs(k['m'] - k['a']) / k['a'] for k in known) < mean(abs(k['t'] - k['a']) / k['a'] for k in known) else 't'
            given = lambda k: k[method]
        elif variant == 'weights fitted on the past year':
            # The model's weight w (0 to 1) that minimised the squared relative errors of w x model + (1 - w) x trailing
            # rate over the known rows, instead of one half.
            spread = sum((k['m'] - k['t']) ** 2 / k['a'] ** 2 for k in known)
            w = sum((k['a'] - k['t']) * (k['m'] - k['t']) / k['a'] ** 2 for k in known) / spread if spread > 0 else 0.5
            w = max(0.0, min(1.0, w))
            given = lambda k: w * k['m'] + (1 - w) * k['t']
        else:
            given = lambda k: k['c']
        errors = [math.log(k['a'] / given(k)) for k in known]
        n, point = len(errors), given(r)
        if variant == 'widened for drift (variogram)':
            # The ratios as a random walk plus noise: half the squared difference of two months h apart is fitted as
            # noise + drift x h / 2 over every pair of known months; the month forecast is further from the known
            # months' middle than they are from each other, so the variance adds drift x the mean over pairs of
            # known months of the months from the later one to the month forecast.
            m = mean(errors)
            months = [k['month'].year * 12 + k['month'].month for k in known]
            target = r['month'].year * 12 + r['month'].month
            pairs = [(months[j] - months[i], 0.5 * (errors[j] - errors[i]) ** 2) for i in range(n) for j in range(i + 1, n)]
            gx, gy = mean(p[0] for p in pairs), mean(p[1] for p in pairs)
            sxx = sum((p[0] - gx) ** 2 for p in pairs)
            slope = max(0.0, sum((p[0] - gx) * (p[1] - gy) for p in pairs) / sxx) if sxx > 0 else 0.0
            noise = max(0.0, gy - slope * gx)
            reach = sum(target - max(a, b) for a in months for b in months) / (n * n)
            half = t90(n - 1) * math.sqrt(noise * (1 + 1 / n) + 2 * slope * reach)
            low, high = point * math.exp(m - half), point * math.exp(m + half)
        elif variant == 'trend over the past year':
            # The log ratios as a straight line in time (least squares over the known months), extrapolated to the
            # month forecast, with the regression's prediction interval there: t(n-2) x s x sqrt(1 + 1/n + (x - mean)^2 / Sxx).
            months = [k['month'].year * 12 + k['month'].month for k in known]
            target = r['month'].year * 12 + r['month'].month
            gx, gy = mean(months), mean(errors)
            sxx = sum((x - gx) ** 2 for x in months)
            slope = sum((x - gx) * (e - gy) for x, e in zip(months, errors)) / sxx if sxx > 0 else 0.0
            residual = sum((e - gy - slope * (x - gx)) ** 2 for x, e in zip(months, errors)) / max(1, n - 2)
            m = gy + slope * (target - gx)
            half = t90(max(1, n - 2)) * math.sqrt(residual * (1 + 1 / n + ((target - gx) ** 2 / sxx if sxx > 0 else 0.0)))
            low, high = point * math.exp(m - half), point * math.exp(m + half)
        elif variant in ('shipped', 'window 24 months', 'moved by the mean ratio', 'effective months (autocorrelation)', 'weights fitted on the past year'):
            # The prediction interval of the next log ratio: mean +- t(n-1) x standard deviation x sqrt(1 + 1/n).
            m = mean(errors)
            squares = sum((e - m) ** 2 for e in errors)
            effective = n
            if variant == 'effective months (autocorrelation)':
                # n replaced by the effective number of months of AR(1) errors, n (1 - r) / (1 + r), r the lag-1
                # autocorrelation of the ratios (kept within 0 to 0.9).
                r1 = sum((errors[i] - m) * (errors[i + 1] - m) for i in range(n - 1)) / squares if squares > 0 else 0.0
                r1 = max(0.0, min(0.9, r1))
                effective = max(2.0, n * (1 - r1) / (1 + r1))
            half = t90(max(1, round(effective) - 1)) * math.sqrt(squares / (n - 1)) * math.sqrt(1 + 1 / effective)
            if variant == 'moved by the mean ratio':
                point = point * math.exp(m)
            low, high = given(r) * math.exp(m - half), given(r) * math.exp(m + half)
        else:
            # Centred on the forecast: root mean square of the log ratios x t(n), as ChurnWatch gave before.
            s, q, shift = math.sqrt(mean(e * e for e in errors)), t90(n), 0.0
            if variant == 'centred, widened by the latest error':
                s = math.sqrt(s * s + errors[-1] ** 2)
            elif variant == 'centred, at least the largest of 6':
                s = max(s, max(abs(e) for e in errors[-6:]) / q)
            elif variant == 'shift by the last 3':
                shift = mean(errors[-3:])
                s = math.sqrt(mean((e - shift) ** 2 for e in errors))
            point = given(r) * math.exp(shift)
            low, high = point * math.exp(-q * s), point * math.exp(q * s)
        # The range always includes the forecast given, and P90 never exceeds what is due (or paid today).
        out.append((r, point, min(point, low), max(point, min(r['due'], high))))
    return out


def measures(out, lead):
    """Coverage over the months with a range (None without any), bias and mean absolute error of the forecast given,
    and the trailing rate's mean absolute error, over the rows of one lead."""
    ranged = [x for x in out if x[0]['lead'] == lead and x[2] is not None]
    every = [x for x in out if x[0]['lead'] == lead]
    if not every:
        return None
    coverage = mean(1 if x[2] <= x[0]['a'] <= x[3] else 0 for x in ranged) if ranged else None
    bias = sum(x[1] for x in every) / sum(x[0]['a'] for x in every) - 1
    error = mean(abs(x[1] - x[0]['a']) / x[0]['a'] for x in every)
    trailing = mean(abs(x[0]['t'] - x[0]['a']) / x[0]['a'] for x in every)
    return coverage, len(ranged), bias, error, trailing


def figures(out, lead):
    m = measures(out, lead)
    if m is None:
        return '-'
    coverage, ranged, bias, error, trailing = m
    inside = f"{100 * coverage:3.0f}% of {ranged:2d}" if coverage is not None else '   no range'
    return f"{inside} {100 * bias:+5.1f}% {100 * error:4.1f}% ({100 * trailing:4.1f}%)"


def targets_met(out, lead):
    """Which of the issue's three targets a lead's figures meet: coverage 70-90%, bias within 3%, error below the
    trailing rate's."""
    m = measures(out, lead)
    if m is None:
        return 0, 0, 0
    coverage, _, bias, error, trailing = m
    return (int(coverage is not None and 0.7 <= coverage <= 0.9), int(abs(bias) <= 0.03), int(error < trailing - 1e-12))


def main(folders):
    if not folders or folders[0] in ('-h', '--help'):
        print(__doc__)
        return 0 if folders else 2
    series = []
    for folder in folders:
        files = backtest_files(folder)
        if files is None:
            return 2
        series.append((folder, rows_of(files[0], *RENEWAL_COLUMNS), rows_of(files[1], *MONTHLY_COLUMNS)))
    variants = ('shipped', 'centred (before)', 'model or trailing rate', 'window 24 months', 'moved by the mean ratio',
                'effective months (autocorrelation)', 'centred, widened by the latest error', 'centred, at least the largest of 6',
                'shift by the last 3', 'weights fitted on the past year', 'widened for drift (variogram)',
                'trend over the past year')
    print('each: inside P10-P90, bias, mean absolute error (the trailing rate\'s), 3 months ahead ; 6 months ahead')
    met = {v: [0, 0, 0] for v in variants}
    scatter, scattered = {}, {}
    pooled = {}
    for name, index in (('renewals', 1), ('month-to-month', 2)):
        for variant in variants:
            print(f"{name} {variant}:")
            for company in series:
                out = replay(company[index], variant)
                print(f"  {company[0]:20s} {figures(out, 3)} ; {figures(out, 6)}")
                for lead in (3, 6):
                    met[variant] = [a + b for a, b in zip(met[variant], targets_met(out, lead))]
                    m = measures(out, lead)
                    if m is not None and m[0] is not None:
                        # How far the share inside is from 80%, in units of its binomial spread: squared and summed
                        # over the figures, a range holding 80% of independent months scores the number of figures.
                        scatter[variant] = scatter.get(variant, 0.0) + (m[0] - 0.8) ** 2 * m[1] / (0.8 * 0.2)
                        scattered[variant] = scattered.get(variant, 0) + 1
                ranged = [x for x in out if x[0]['lead'] in (3, 6) and x[2] is not None]
                counts = pooled.setdefault((variant, name), [0, 0, 0, 0])
                counts[0] += sum(1 for x in ranged if x[2] <= x[0]['a'] <= x[3])
                counts[1] += len(ranged)
                counts[2] += sum(1 for x in ranged if x[0]['a'] < x[2])
                counts[3] += sum(1 for x in ranged if x[0]['a'] > x[3])
    figures_count = 2 * 2 * len(series)
    print(f"targets met, of {figures_count} figures each (coverage 70-90% / bias within 3% / error below the trailing rate's):")
    for variant in variants:
        print(f"  {variant:38s} {met[variant][0]:3d} / {met[variant][1]:3d} / {met[variant][2]:3d}")
    print('inside P10-P90 over every month with a range of every folder, 3 and 6 months ahead (80% is what a P10-P90 range means):')
    for variant in variants:
        cells = []
        for name in ('renewals', 'month-to-month'):
            inside, ranged, below, above = pooled[(variant, name)]
            cells.append(f"{name} {inside} of {ranged} ({100 * inside / max(1, ranged):.0f}%; {below} below, {above} above)")
        print(f"  {variant:38s} " + '; '.join(cells))
    print('scatter of the figures\' shares inside around 80% (chi-square: sum of (inside - 0.8)^2 x months / 0.16 over the figures;')
    print('a range holding 80% of independent months scores about the number of figures, give or take the square root of twice it):')
    for variant in variants:
        print(f"  {variant:38s} {scatter.get(variant, 0.0):6.1f} over {scattered.get(variant, 0)} figures")
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
