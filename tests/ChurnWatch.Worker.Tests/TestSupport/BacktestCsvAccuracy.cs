using System.Globalization;

namespace ChurnWatch.Worker.Tests.TestSupport;

/// <summary>
/// The accuracy lines a renewal forecast backtest should give, worked out here from the rows of its backtest CSV
/// (each method's forecast column against <c>actual_renewed_arr</c>, the forecast given's figures over its combined rows
/// beside the trailing rate's there, and its coverage over the rows with a range), to check what the command prints and
/// the job logs.
/// </summary>
internal static class BacktestCsvAccuracy
{
    public static IReadOnlyList<string> ExpectedLines(string backtestCsv)
    {
        var (header, rows) = CsvTestReader.Read(File.ReadAllText(backtestCsv));
        var column = header.Select((name, i) => (name, i)).ToDictionary(c => c.name, c => c.i, StringComparer.Ordinal);
        decimal Money(IReadOnlyList<string> row, string name) => decimal.Parse(row[column[name]], CultureInfo.InvariantCulture);
        // Mean absolute error and bias of one forecast column over some rows, as the lines print them.
        (string Mae, string Bias) Figures(IReadOnlyList<IReadOnlyList<string>> rows, string forecast)
        {
            var pairs = rows.Select(r => (Forecast: Money(r, forecast), Actual: Money(r, "actual_renewed_arr"))).ToList();
            var errors = pairs.Where(p => p.Actual != 0).Select(p => (double)(Math.Abs(p.Forecast - p.Actual) / p.Actual)).ToList();
            var actual = pairs.Sum(p => p.Actual);
            return (errors.Count == 0 ? "n/a" : errors.Average().ToString("0.0%", CultureInfo.InvariantCulture),
                actual == 0 ? "n/a" : ((double)((pairs.Sum(p => p.Forecast) - actual) / actual)).ToString("+0.0%;-0.0%", CultureInfo.InvariantCulture));
        }

        var lines = new List<string>();
        foreach (var lead in rows.GroupBy(r => int.Parse(r[column["lead_months"]], CultureInfo.InvariantCulture)).OrderBy(g => g.Key))
        {
            var months = lead.ToList();
            var prefix = string.Create(CultureInfo.InvariantCulture, $"Backtest, forecasts made {lead.Key} months ahead over {months.Count} past months");
            var inside = (double)months.Count(r => r[column["inside_range"]] == "true") / months.Count;
            // The forecast given: the method each row names, its range's coverage over the rows that had one.
            var ranged = months.Where(r => r[column["forecast_inside_range"]].Length > 0).ToList();
            var combined = months.Where(r => r[column["forecast_method"]] == "combined").ToList();
            var (combinedMae, combinedBias) = Figures(combined, "forecast");
            var inThose = combined.Count == 0
                ? string.Empty
                : $"; in those {combined.Count}: mean absolute error {combinedMae} (trailing rate {Figures(combined, "trailing_rate_renewed_arr").Mae}), bias {combinedBias}";
            var given = string.Create(CultureInfo.InvariantCulture, $" (the model and the trailing rate combined in {combined.Count} of them, the trailing rate alone in the rest{inThose})") + (ranged.Count == 0
                ? ", no month with a range"
                : string.Create(CultureInfo.InvariantCulture, $", actual inside P10-P90 in {(double)ranged.Count(r => r[column["forecast_inside_range"]] == "true") / ranged.Count:0%} of the {ranged.Count} months with a range"));
            foreach (var (method, forecast, range) in new[]
            {
                ("forecast given", "forecast", given),
                ("model", "expected_renewed_arr", string.Create(CultureInfo.InvariantCulture, $", actual inside P10-P90 in {inside:0%} of months (its range of independent renewals)")),
                ("trailing rate", "trailing_rate_renewed_arr", string.Empty),
                ("everything renews", "everything_renews_arr", string.Empty),
            })
            {
                var (mae, bias) = Figures(months, forecast);
                lines.Add($"{prefix}, {method}: mean absolute error {mae}, bias {bias}{range}.");
            }
        }

        return lines;
    }
}
