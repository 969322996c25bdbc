using ChurnWatch.Analytics.History;
using ChurnWatch.Analytics.Labels;

namespace ChurnWatch.Analytics.Forecasting;

/// <summary>
/// Replays the month-to-month forecast at past dates, as <see cref="RenewalForecastBacktest"/> does for renewals: for
/// each settled past month, the forecast made <c>lead</c> months before it against the MRR those accounts still paid at
/// its end.
/// </summary>
public static class MonthToMonthBacktest
{
    /// <summary>
    /// One row per month from <paramref name="firstMonth"/> to <paramref name="lastMonth"/> and per lead; forecasts dated
    /// before <paramref name="earliestForecastDate"/>, and forecast dates with no month-to-month account, are left out.
    /// </summary>
    /// <param name="history">The company's history.</param>
    /// <param name="firstMonth">First month forecast.</param>
    /// <param name="lastMonth">Last month forecast; its end + the grace period must be within the data.</param>
    /// <param name="leads">Lead times in months.</param>
    /// <param name="earliestForecastDate">No forecast is replayed before this date.</param>
    /// <param name="graceDays">A churn is confirmed this many days after the last subscription ended.</param>
    /// <param name="horizonDays">The churn probabilities' horizon.</param>
    /// <param name="churnProbabilitiesAt">Churn probability per account as of a forecast date.</param>
    public static IReadOnlyList<MonthToMonthBacktestMonth> Run(
        CompanyHistory history,
        DateOnly firstMonth,
        DateOnly lastMonth,
        IReadOnlyList<int> leads,
        DateOnly earliestForecastDate,
        int graceDays,
        int horizonDays,
        Func<DateOnly, IReadOnlyDictionary<string, double>> churnProbabilitiesAt)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(leads);
        ArgumentNullException.ThrowIfNull(churnProbabilitiesAt);
        // Churns confirmed by the end of the data: what happened, to judge past forecasts by.
        var churns = history.Subscriptions.GroupBy(s => s.AccountId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => ChurnEvents.Find(g, history.DataAsOf, graceDays), StringComparer.Ordinal);
        var books = new Dictionary<DateOnly, (IReadOnlyList<MonthToMonthExposure> Book, double? Rate)>();
        var rows = new List<MonthToMonthBacktestMonth>();
        for (var month = new DateOnly(firstMonth.Year, firstMonth.Month, 1); month <= lastMonth; month = month.AddMonths(1))
        {
            foreach (var lead in leads.Order())
            {
                var date = RenewalForecastBacktest.ForecastDate(month, lead);
                if (date < earliestForecastDate)
                    continue;
                if (!books.TryGetValue(date, out var known))
                {
                    var probabilities = churnProbabilitiesAt(date);
                    known = (MonthToMonthBook.At(history, date, id => probabilities.TryGetValue(id, out var p) ? p : null),
                        MonthToMonthChurnRate.Trailing(history, date, graceDays));
                    books[date] = known;
                }

                if (known.Book.Count == 0)
                    continue;
                var months = ((month.Year - date.Year) * 12) + month.Month - date.Month + 1;
                var forecast = MonthToMonthForecaster.Forecast(known.Book, date, months, horizonDays, known.Rate)[^1];
                var from = RenewalBook.Instant(date);
                var end = RenewalBook.Instant(month.AddMonths(1));
                var kept = known.Book.Where(e => !churns[e.AccountId].Any(t => t >= from && t < end)).Sum(e => e.Mrr);
                rows.Add(new MonthToMonthBacktestMonth(month, lead, date, forecast.Accounts, forecast.MrrAtForecast, forecast.ExpectedMrrKept,
                    forecast.P10MrrKept, forecast.P90MrrKept, forecast.TrailingRateMrrKept, kept));
            }
        }

        return Calibrate(rows, graceDays);
    }

    /// <summary>
    /// Each row with the forecast finance would have been handed at its date: its method and range from the rows
    /// settled before it at the same lead.
    /// </summary>
    public static IReadOnlyList<MonthToMonthBacktestMonth> Calibrate(IReadOnlyList<MonthToMonthBacktestMonth> rows, int graceDays)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var past = rows.Select(r => r.Past(graceDays)).ToList();
        return [.. rows.Select(r => r with
        {
            Calibrated = ForecastCalibration.Given(past, r.LeadMonths, r.ForecastDate, r.ExpectedMrrKept, r.TrailingRateMrrKept, r.MrrAtForecast),
        })];
    }

    /// <summary>Accuracy per lead time, the model's and the trailing rate's, and the model's coverage of P10-P90.</summary>
    public static IReadOnlyList<MonthToMonthBacktestSummary> Summarise(IEnumerable<MonthToMonthBacktestMonth> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return [.. rows.GroupBy(r => r.LeadMonths).OrderBy(g => g.Key).Select(g =>
        {
            var months = g.ToList();
            return new MonthToMonthBacktestSummary(
                g.Key,
                months.Count,
                months.Sum(m => m.ActualMrrKept),
                ForecastAccuracy.Of([.. months.Select(m => (m.ExpectedMrrKept, m.ActualMrrKept))]),
                ForecastAccuracy.Of([.. months.Select(m => (m.TrailingRateMrrKept, m.ActualMrrKept))]),
                months.Count == 0 ? null : (double)months.Count(m => m.InsideRange) / months.Count)
            {
                Calibrated = months.All(m => m.Calibrated is not null)
                    ? CalibratedAccuracy.Of([.. months.Select(m => (m.Calibrated!, m.TrailingRateMrrKept, m.ActualMrrKept))])
                    : null,
            };
        })];
    }
}
