using ChurnWatch.Analytics.Modeling;
using ChurnWatch.Analytics.Scoring;
using ChurnWatch.Analytics.Signals;
using ChurnWatch.Worker.Reports;

namespace ChurnWatch.Worker.Tests.Reports;

/// <summary>A small, realistic report to render in tests.</summary>
internal static class ReportFixtures
{
    public static readonly DateOnly AsOf = new(2026, 11, 16);
    public static readonly DateTime GeneratedAt = new(2026, 11, 16, 6, 30, 0, DateTimeKind.Utc);
    public static readonly TimeSpan StaleAfter = TimeSpan.FromHours(36);

    public static AccountRiskRow Row(string id, string name, decimal arr, double churn, RiskBand band, double? change = 0.0, DateOnly? renewal = null, string owner = "jane.doe@example.com") =>
        new(
            id,
            name,
            owner,
            "MidMarket",
            "Business",
            arr,
            churn,
            renewal is null ? null : 1 - churn,
            band,
            change,
            renewal,
            ["Weekly active users fell from 24 to 7", "2 urgent tickets open > 14 days", "Invoice 45 days past due"],
            [new OpenSignal(SignalKind.Declining, SignalSeverity.Warning, "Active users down 60% vs the prior 8 weeks")],
            [24, 22, 23, 20, 18, 15, 12, 11, 9, 8, 7, 7]);

    public static BacktestReport Backtest() => new(
        "logistic regression",
        "churn within 90 days",
        new DateOnly(2024, 1, 1),
        new DateOnly(2025, 12, 31),
        new DateOnly(2026, 1, 1),
        new DateOnly(2026, 6, 30),
        12_480,
        3_120,
        0.082,
        0.784,
        0.241,
        0.066,
        3.4,
        [
            new CalibrationBin(0.0, 0.1, 2100, 0.04, 0.035),
            new CalibrationBin(0.1, 0.2, 520, 0.14, 0.16),
            new CalibrationBin(0.2, 0.4, 300, 0.28, 0.25),
            new CalibrationBin(0.4, 1.0, 200, 0.55, 0.6),
        ]);

    public static WeeklyRiskReport Report(string owner = "jane.doe@example.com", bool staleBilling = false, IReadOnlyList<AccountRiskRow>? rows = null)
    {
        rows ??=
        [
            Row("A-100", "Northwind Traders", 120_000m, 0.62, RiskBand.High, 0.18, new DateOnly(2026, 12, 31), owner),
            Row("A-200", "Contoso Ltd", 48_000m, 0.25, RiskBand.Medium, -0.04, null, owner),
            Row("A-300", "Fabrikam", 300_000m, 0.05, RiskBand.Low, null, new DateOnly(2027, 1, 20), owner),
        ];
        var billingNewest = staleBilling ? GeneratedAt.AddDays(-3) : GeneratedAt.AddHours(-5);
        return WeeklyRiskReport.Create(
            owner,
            AsOf,
            GeneratedAt,
            [
                SourceAsOf.Assess("product usage", GeneratedAt.AddHours(-2), GeneratedAt.AddHours(-1), GeneratedAt, StaleAfter),
                SourceAsOf.Assess("billing", billingNewest, GeneratedAt.AddHours(-1), GeneratedAt, StaleAfter),
            ],
            "churn-lr v1",
            Backtest(),
            rows,
            new ReportConventions(90, 30, "USD", 0.2, 0.5));
    }
}
