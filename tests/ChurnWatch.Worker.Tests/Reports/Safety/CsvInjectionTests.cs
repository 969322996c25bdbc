using System.Text.RegularExpressions;
using ChurnWatch.Analytics.Forecasting;
using ChurnWatch.Analytics.History;
using ChurnWatch.Analytics.Scoring;
using ChurnWatch.Analytics.Signals;
using ChurnWatch.Worker.Adoption;
using ChurnWatch.Worker.Finance.Csv;
using ChurnWatch.Worker.Ingestion;
using ChurnWatch.Worker.Output;
using ChurnWatch.Worker.Reports;
using ChurnWatch.Worker.Store;
using ChurnWatch.Worker.TableModels;
using ChurnWatch.Worker.Tests.TestSupport;

namespace ChurnWatch.Worker.Tests.Reports.Safety;

/// <summary>
/// Every CSV export, fed a value starting with each formula trigger in every text field, read back as a
/// spreadsheet would: no cell may start with a trigger unless it is a plain negative number.
/// </summary>
public sealed partial class CsvInjectionTests
{
    /// <summary>One hostile value per trigger character OWASP lists.</summary>
    private static readonly string[] Hostile = ["=1+2", "+SUM(A1:A9)", "-2+3", "@cmd", "\t=1", "\r=1"];

    public static TheoryData<string> Triggers() => new(Hostile);

    public static TheoryData<string> Exports() => new() { "account_risk", "feature_usage", "quarantine", "scores", "data_freshness", "renewal_forecast" };

    private static readonly DateTime Instant = new(2026, 11, 16, 6, 0, 0, DateTimeKind.Utc);

    [GeneratedRegex(@"^-(\d+\.?\d*|\.\d+)$")]
    private static partial Regex NegativeNumber();

    private static string Render(string export, string hostile)
    {
        using var writer = new StringWriter();
        switch (export)
        {
            case "account_risk":
                var row = ReportFixtures.Row(hostile, hostile, 1_000m, 0.3, RiskBand.Medium, change: -0.05, owner: hostile) with
                {
                    Segment = hostile,
                    Plan = hostile,
                    TopReasons = [hostile, "fine"],
                    Signals = [new OpenSignal(SignalKind.GoneDark, SignalSeverity.Warning, hostile)],
                };
                AccountRiskCsv.Write(ReportFixtures.AsOf, [row], writer);
                break;
            case "feature_usage":
                var accounts = new Dictionary<string, FeatureUsageAccount>(StringComparer.Ordinal) { [hostile] = new(hostile, hostile, hostile, hostile, 10) };
                FeatureUsageExport.Write([new UsageWeek(hostile, hostile, ReportFixtures.AsOf.AddDays(-7), 5, 2)], accounts, writer);
                break;
            case "quarantine":
                QuarantineCsv.Write([new QuarantinedRow(hostile, hostile, hostile, hostile, hostile, hostile), new QuarantinedRow("invoices", "f.csv", "f.csv:3", "amount", "-5", "negative amount")], writer);
                break;
            case "scores":
                // ScoresCsv writes files only; a real file, read back.
                var path = Path.Combine(Path.GetTempPath(), "cw-scores-" + Guid.NewGuid().ToString("N") + ".csv");
                try
                {
                    ScoresCsv.WriteFile(path, [new ScoreRow(hostile, 0.25, [hostile, hostile])]);
                    return File.ReadAllText(path);
                }
                finally
                {
                    File.Delete(path);
                }

            case "data_freshness":
                DataFreshnessCsv.Write(Instant, [SourceAsOf.Assess(hostile, Instant.AddHours(-2), Instant.AddHours(-1), Instant, TimeSpan.FromHours(36))], writer);
                break;
            case "renewal_forecast":
                // No text columns: the guard must not touch numbers, negative ones included.
                RenewalForecastCsv.Write([new RenewalForecastMonth(new DateOnly(2026, 12, 1), 1, 1000m, 900m, 100m, -25.5m, 1000m)], writer);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(export), export, null);
        }

        return writer.ToString();
    }

    [Theory]
    [MemberData(nameof(Exports))]
    public void Write_EveryTrigger_NoCellCanRunAsAFormula(string export)
    {
        foreach (var hostile in Hostile)
        {
            var (header, rows) = CsvTestReader.Read(Render(export, hostile));

            Assert.NotEmpty(rows);
            Assert.All(header.Concat(rows.SelectMany(r => r)), cell =>
                Assert.False(cell.Length > 0 && cell[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !NegativeNumber().IsMatch(cell), $"{export}: cell '{cell}' could run as a formula"));
        }
    }

    [Theory]
    [MemberData(nameof(Triggers))]
    public void Write_AccountRisk_HostileTextKeptWithApostropheAndNegativeChangeStaysANumber(string hostile)
    {
        var (header, rows) = CsvTestReader.Read(Render("account_risk", hostile));
        var r = rows.Single();
        string Cell(string column) => r[header.ToList().IndexOf(column)];

        Assert.Equal("'" + hostile, Cell("account_name"));
        Assert.Equal("'" + hostile, Cell("owner_email"));
        Assert.Equal("'" + hostile + AccountRiskCsv.ListSeparator + "fine", Cell("top_reasons"));
        Assert.Equal("-0.0500", Cell("churn_probability_change"));
    }

    [Fact]
    public void Write_QuarantineNegativeValue_StaysANumber()
    {
        var (_, rows) = CsvTestReader.Read(Render("quarantine", "=1"));

        Assert.Equal(["invoices", "f.csv", "f.csv:3", "amount", "-5", "negative amount"], rows[1]);
        Assert.Equal("'=1", rows[0][4]);
    }

    [Fact]
    public void Write_RenewalForecastNegativeAmount_StaysANumber()
    {
        var (header, rows) = CsvTestReader.Read(Render("renewal_forecast", "unused"));

        Assert.Equal("-25.50", rows.Single()[header.ToList().IndexOf("p10_renewed_arr")]);
    }
}
