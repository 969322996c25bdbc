using ChurnWatch.Analytics.History;
using ChurnWatch.Analytics.Predictors;

namespace ChurnWatch.Analytics.Forecasting;

/// <summary>
/// Replays the renewal forecast at past dates: for each past month whose renewals are settled, the forecast made
/// <c>lead</c> months before it (contracts, ARR and renewal probabilities as of that date) against the ARR that
/// actually renewed. The caller decides where past probabilities come from (stored scores, or a model applied to
/// the predictors as of the date) and says so.
/// </summary>
public static class RenewalForecastBacktest
{
    /// <summary>The forecast date of a month at a lead: the Monday on or before the first day <paramref name="leadMonths"/> months earlier.</summary>
    public static DateOnly ForecastDate(DateOnly month, int leadMonths)
    {
        return ObservationCalendar.MondayOnOrBefore(new DateOnly(month.Year, month.Month, 1).AddMonths(-leadMonths));
    }

    /// <summary>
    /// The last month whose every renewal is settled by <paramref name="dataAsOf"/>: a renewal on the last day of the
    /// month is decided a grace period later.
    /// </summary>
    public static DateOnly LastSettledMonth(DateTime dataAsOf, int graceDays)
    {
        var month = new DateOnly(dataAsOf.Year, dataAsOf.Month, 1);
        while (RenewalBook.Instant(month.AddMonths(1)).AddDays(graceDays) > dataAsOf)
        {
            month = month.AddMonths(-1);
        }

        return month;
    }

    /// <summary>
    /// One row per month from <paramref name="firstMonth"/> to <paramref name="lastMonth"/> and per lead; forecasts whose
    /// date would be before <paramref name="earliestForecastDate"/>, and months with no renewal due, are left out.
    /// </summary>
    /// <param name="history">The company's history.</param>
    /// <param name="firstMonth">First month forecast.</param>
    /// <param name="lastMonth">Last month forecast; must be settled (see <see cref="LastSettledMonth"/>).</param>
    /// <param name="leads">Lead times in months, for example 3 and 6.</param>
    /// <param name="earliestForecastDate">No forecast is replayed before this date (for example before the model's first observation date).</param>
    /// <param name="graceDays">A contract renewed when the account is a customer this many days after the renewal date.</param>
    /// <param name="renewalProbabilitiesAt">Renewal probability per account as of a forecast date.</param>
    /// <param name="seed">Seed of the range simulations.</param>
    public static IReadOnlyList<RenewalBacktestMonth> Run(
        CompanyHistory history,
        DateOnly firstMonth,
        DateOnly lastMonth,
        IReadOnlyList<int> leads,
        DateOnly earliestForecastDate,
        int graceDays,
        Func<DateOnly, IReadOnlyDictionary<string, double>> renewalProbabilitiesAt,
        int seed)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(leads);
        ArgumentNullException.ThrowIfNull(renewalProbabilitiesAt);
        var subscriptions = history.Subscriptions.ToLookup(s => s.AccountId, StringComparer.Ordinal);
        var settled = SettledRenewal.All(history, graceDays);
        var books = new Dictionary<DateOnly, (IReadOnlyList<RenewalExposure> Book, TrailingRenewalRate TrailingRate)>();
        var rows = new List<RenewalBacktestMonth>();
        for (var month = new DateOnly(firstMonth.Year, firstMonth.Month, 1); month <= lastMonth; month = month.AddMonths(1))
        {
            foreach (var lead in leads.Order())
            {
                var date = ForecastDate(month, lead);
                if (date < earliestForecastDate)
                    continue;
                if (!books.TryGetValue(date, out var known))
                {
                    var probabilities = renewalProbabilitiesAt(date);
                    known = (RenewalBook.At(history, date, id => probabilities.TryGetValue(id, out var p) ? p : null), TrailingRenewalRate.At(settled, date));
                    books[date] = known;
                }

                var (book, trailingRate) = known;
                // The same seeded simulation as today's forecast, one month at a time, with the baseline made at the same date.
                var forecast = RenewalForecaster.Forecast(book, month, 1, seed + (month.DayNumber * 16) + lead, trailingRate)[0];
                if (forecast.RenewalsDue == 0)
                    continue; // Nothing was due: no forecast to test, and an empty month would count as "inside the range".
                var due = book.Where(e => e.RenewalDate >= month && e.RenewalDate < month.AddMonths(1)).ToList();
                var renewed = due.Where(e => RenewalBook.Renewed(subscriptions[e.AccountId], e.RenewalDate, graceDays, history.DataAsOf) == true).ToList();
                rows.Add(new RenewalBacktestMonth(month, lead, date, forecast.RenewalsDue, forecast.ArrDue, forecast.ExpectedRenewedArr,
                    forecast.P10RenewedArr, forecast.P90RenewedArr, renewed.Count, renewed.Sum(e => e.Arr))
                {
                    P50RenewedArr = forecast.P50RenewedArr,
                    TrailingRateRenewedArr = forecast.TrailingRateRenewedArr,
                    TrailingRateBasis = forecast.TrailingRateBasis,
                });
            }
        }

        return Calibrate(rows, graceDays);
    }

    /// <summary>
    /// Each row with the forecast finance would have been handed at its date: its method and range from the rows
    /// settled before it at the same lead.
    /// </summary>
    public static IReadOnlyList<RenewalBacktestMonth> Calibrate(IReadOnlyList<RenewalBacktestMonth> rows, int graceDays)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var past = rows.Select(r => r.Past(graceDays)).ToList();
        return [.. rows.Select(r => r with
        {
            Calibrated = ForecastCalibration.Given(past, r.LeadMonths, r.ForecastDate, r.ExpectedRenewedArr, r.TrailingRateRenewedArr ?? r.ArrDue, r.ArrDue),
        })];
    }

    /// <summary>Accuracy per lead time, of the model and of each baseline over the same months.</summary>
    public static IReadOnlyList<RenewalBacktestSummary> Summarise(IEnumerable<RenewalBacktestMonth> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return rows.GroupBy(r => r.LeadMonths).OrderBy(g => g.Key).Select(g =>
        {
            var months = g.ToList();
            var model = ForecastAccuracy.Of([.. months.Select(m => (m.ExpectedRenewedArr, m.ActualRenewedArr))]);
            return new RenewalBacktestSummary(
                g.Key,
                months.Count,
                months.Sum(m => m.ArrDue),
                model.Forecast,
                months.Sum(m => m.ActualRenewedArr),
                model.MeanAbsolutePercentError,
                model.Bias,
                months.Count == 0 ? null : (double)months.Count(m => m.InsideRange) / months.Count)
            {
                TrailingRate = months.All(m => m.TrailingRateRenewedArr is not null)
                    ? ForecastAccuracy.Of([.. months.Select(m => (m.TrailingRateRenewedArr!.Value, m.ActualRenewedArr))])
                    : null,
                EverythingRenews = ForecastAccuracy.Of([.. months.Select(m => (m.EverythingRenewsArr, m.ActualRenewedArr))]),
                Calibrated = months.All(m => m.Calibrated is not null)
                    ? CalibratedAccuracy.Of([.. months.Select(m => (m.Calibrated!, m.TrailingRateRenewedArr ?? m.ArrDue, m.ActualRenewedArr))])
                    : null,
            };
        }).ToList();
    }
}
