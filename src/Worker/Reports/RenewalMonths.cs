using System.Globalization;
using ChurnWatch.Analytics.Scoring;
using ChurnWatch.Worker.Reports.Charts;

namespace ChurnWatch.Worker.Reports;

/// <summary>
/// ARR at risk grouped by the month of each account's next renewal: the renewals an account manager must work on
/// first are the near months with tall bars.
/// </summary>
internal static class RenewalMonths
{
    /// <summary>Months shown from the as-of month on: a year covers every annual contract.</summary>
    public const int Months = 12;

    /// <summary>Category of renewals after the shown months (multi-year contracts).</summary>
    public const string Later = "Later";

    /// <summary>Category of accounts without a renewal date (month-to-month).</summary>
    public const string NoDate = "No date";

    /// <summary>
    /// The chart's data: one category per month from the as-of month, then <see cref="Later"/> and
    /// <see cref="NoDate"/> when they hold any account; one stacked series per risk band, high first (at the bottom).
    /// </summary>
    public static BarChartData Chart(IReadOnlyList<AccountRiskRow> rows, DateOnly asOf, string currency)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var first = new DateOnly(asOf.Year, asOf.Month, 1);
        // The year only where it changes (the first month and each January) keeps fourteen labels short enough to all show.
        var categories = Enumerable.Range(0, Months)
            .Select(i => first.AddMonths(i))
            .Select((m, i) => m.ToString(i == 0 || m.Month == 1 ? "MMM yyyy" : "MMM", CultureInfo.InvariantCulture))
            .ToList();
        var hasLater = rows.Any(r => r.RenewalDate is { } d && d >= first.AddMonths(Months));
        var hasNoDate = rows.Any(r => r.RenewalDate is null);
        if (hasLater)
            categories.Add(Later);
        if (hasNoDate)
            categories.Add(NoDate);

        int Category(AccountRiskRow row)
        {
            if (row.RenewalDate is not { } date)
                return categories.Count - 1;
            var months = ((date.Year - first.Year) * 12) + date.Month - first.Month;
            // A renewal date already past (the contract renews late) belongs to the current month's work.
            return months >= Months ? Months : Math.Max(0, months);
        }

        RiskBand[] bands = [RiskBand.High, RiskBand.Medium, RiskBand.Low];
        var series = bands.Select(band =>
        {
            var values = new double[categories.Count];
            foreach (var row in rows.Where(r => r.Band == band))
            {
                // A credit can make an account's ARR negative; a stacked bar cannot show it, and one odd account must not
                // stop every report, so it counts as nothing at risk (the table still shows its ARR).
                values[Category(row)] += Math.Max(0, (double)row.ArrAtRisk);
            }

            return new ChartSeries(band + " risk", values);
        }).ToList();

        return new BarChartData(
            "ARR at risk by renewal month",
            categories,
            series,
            Stacked: true,
            "Next renewal",
            "ARR at risk (" + currency + ")",
            ValueFormat.Compact,
            [ChartPalette.RiskHigh, ChartPalette.RiskMedium, ChartPalette.RiskLow]);
    }
}
