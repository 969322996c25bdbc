using ChurnWatch.Analytics.Modeling;
using ChurnWatch.Analytics.Predictors;
using ChurnWatch.Analytics.Readiness;
using ChurnWatch.Analytics.Tests.TestData;

namespace ChurnWatch.Analytics.Tests.Readiness;

public sealed class DataReadinessTests
{
    [Fact]
    public void Assess_LongHistoryWithContractsAndSeats_NothingBlocksAndTheContractsAreCounted()
    {
        var history = SyntheticCompany.Generate(accounts: 200, days: 600, seed: 3);
        var contracts = history.Subscriptions.Count(s => s.RenewalDate is not null || s.BillingPeriodMonths >= 12);

        var findings = DataReadiness.Assess(history, CompanyShape.Of(history), true, true, new ModelingOptions(), "unassigned");

        Assert.DoesNotContain(findings, f => f.Blocking);
        Assert.Contains(findings, f => f.Text.StartsWith($"{contracts:N0} subscriptions are contracts", StringComparison.Ordinal));
        Assert.DoesNotContain(findings, f => f.Text.Contains("seat", StringComparison.Ordinal));
    }

    [Fact]
    public void Assess_HistoryShorterThanTheSettingsNeed_BlocksNamingTheKeys()
    {
        var history = SyntheticCompany.Generate(accounts: 300, days: 300, seed: 3);
        var options = new ModelingOptions();

        var findings = DataReadiness.Assess(history, CompanyShape.Of(history), true, true, options, "unassigned");

        var blocking = Assert.Single(findings, f => f.Blocking);
        Assert.Contains($"needs {options.MinimumHistoryDays} days: {options.MinimumHistoryTerms}", blocking.Text, StringComparison.Ordinal);
        // Shorter settings that fit the history unblock it.
        var shorter = new ModelingOptions { WarmUpDays = 28, HorizonDays = 28, GraceDays = 7, BacktestTestDays = 28 };
        Assert.DoesNotContain(DataReadiness.Assess(history, CompanyShape.Of(history), true, true, shorter, "unassigned"), f => f.Blocking);
    }
}
