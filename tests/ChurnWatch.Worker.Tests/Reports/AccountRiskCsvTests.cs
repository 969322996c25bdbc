using ChurnWatch.Analytics.Scoring;
using ChurnWatch.Analytics.Signals;
using ChurnWatch.Worker.Reports;
using ChurnWatch.Worker.Tests.TestSupport;

namespace ChurnWatch.Worker.Tests.Reports;

public sealed class AccountRiskCsvTests
{
    private static string Write(params AccountRiskRow[] rows)
    {
        using var writer = new StringWriter();
        AccountRiskCsv.Write(ReportFixtures.AsOf, rows, writer);
        return writer.ToString();
    }

    [Fact]
    public void Write_Rows_HeaderIsTheDocumentedSchema()
    {
        var csv = Write();

        Assert.Equal(
            "as_of,owner_email,account_id,account_name,segment,plan,arr,churn_probability,arr_at_risk,risk_band,churn_probability_change,renewal_date,renewal_probability,top_reasons,open_signals,weekly_active_users_latest,reasons_direction,context,next_step,changed_since_last_week\r\n",
            csv);
    }

    [Fact]
    public void Write_Row_RoundTripsWithInvariantNumbersAndIsoDates()
    {
        var row = ReportFixtures.Row("A-100", "Northwind, \"Traders\"", 120_000.5m, 0.62, RiskBand.High, -0.125, new DateOnly(2026, 12, 31));

        var (header, rows) = CsvTestReader.Read(Write(row));
        var r = rows.Single();
        string Cell(string column) => r[header.ToList().IndexOf(column)];

        Assert.Equal("2026-11-16", Cell("as_of"));
        Assert.Equal("Northwind, \"Traders\"", Cell("account_name"));
        Assert.Equal("120000.50", Cell("arr"));
        Assert.Equal("0.6200", Cell("churn_probability"));
        Assert.Equal("74400.31", Cell("arr_at_risk"));
        Assert.Equal("high", Cell("risk_band"));
        Assert.Equal("-0.1250", Cell("churn_probability_change"));
        Assert.Equal("2026-12-31", Cell("renewal_date"));
        Assert.Equal("0.3800", Cell("renewal_probability"));
        Assert.Equal("Weekly active users fell from 24 to 7 | 2 urgent tickets open > 14 days | Invoice 45 days past due", Cell("top_reasons"));
        Assert.Equal("Declining (Warning): Active users down 60% vs the prior 8 weeks", Cell("open_signals"));
        Assert.Equal("7", Cell("weekly_active_users_latest"));
        Assert.Equal("raises_risk", Cell("reasons_direction"));
        Assert.Equal(string.Empty, Cell("next_step"));
        var (withStep, stepRows) = CsvTestReader.Read(Write(row with { NextStep = "Escalate their open tickets" }));
        Assert.Equal("Escalate their open tickets", stepRows.Single()[withStep.ToList().IndexOf("next_step")]);
    }

    [Fact]
    public void Write_LowRiskAccountWithProtectiveReasons_SaysSoAndGivesTheContext()
    {
        var row = ReportFixtures.Row("A-2", "Safe Co", 50_000m, 0.04, RiskBand.Low) with
        {
            TopReasons = ["All 3 key features adopted"],
            ReasonsProtect = true,
            Context = "Annual contract, Business plan, customer for 14 months",
        };

        var (header, rows) = CsvTestReader.Read(Write(row));
        var r = rows.Single();
        string Cell(string column) => r[header.ToList().IndexOf(column)];

        Assert.Equal("protective", Cell("reasons_direction"));
        Assert.Equal("Annual contract, Business plan, customer for 14 months", Cell("context"));
    }

    [Fact]
    public void Write_AccountThatMoved_ListsWhatMovedIt()
    {
        var row = ReportFixtures.Row("A-3", "Moved Co", 50_000m, 0.3, RiskBand.Medium, change: 0.1) with
        {
            Changes = ["2 urgent tickets open (a week earlier: 0)", "No activity for 9 days (a week earlier: no activity for 2 days)"],
        };

        var (header, rows) = CsvTestReader.Read(Write(row));

        Assert.Equal(string.Join(AccountRiskCsv.ListSeparator, row.Changes), rows.Single()[header.ToList().IndexOf("changed_since_last_week")]);
    }

    [Fact]
    public void Write_MissingOptionalValues_AreEmptyCells()
    {
        var row = ReportFixtures.Row("A-1", "x", 0m, 0.1, RiskBand.Low, change: null) with { WeeklyActiveUsers = [], Signals = [], TopReasons = [] };

        var (header, rows) = CsvTestReader.Read(Write(row));
        var r = rows.Single();

        foreach (var column in new[] { "churn_probability_change", "renewal_date", "renewal_probability", "top_reasons", "open_signals", "weekly_active_users_latest", "reasons_direction", "context", "next_step", "changed_since_last_week" })
        {
            Assert.Equal(string.Empty, r[header.ToList().IndexOf(column)]);
        }
    }

    [Fact]
    public void Write_HostileText_IsGuardedButNegativeNumbersAreNot()
    {
        var row = ReportFixtures.Row("=1+1", "=SUM(A1)", 1000m, 0.1, RiskBand.Low, change: -0.05) with
        {
            Segment = "+1",
            Plan = "-2-2",
            OwnerEmail = "@x",
            TopReasons = ["\tcmd", "\rcmd"],
            Signals = [new OpenSignal(SignalKind.GoneDark, SignalSeverity.Info, "ok")],
            Context = "=HYPERLINK(\"x\")",
        };

        var (header, rows) = CsvTestReader.Read(Write(row));
        var r = rows.Single();
        string Cell(string column) => r[header.ToList().IndexOf(column)];

        Assert.Equal("'=1+1", Cell("account_id"));
        Assert.Equal("'=SUM(A1)", Cell("account_name"));
        Assert.Equal("'+1", Cell("segment"));
        Assert.Equal("'-2-2", Cell("plan"));
        Assert.Equal("'@x", Cell("owner_email"));
        Assert.Equal("'\tcmd | \rcmd", Cell("top_reasons"));
        Assert.Equal("'=HYPERLINK(\"x\")", Cell("context"));
        Assert.Equal("-0.0500", Cell("churn_probability_change"));
    }
}
