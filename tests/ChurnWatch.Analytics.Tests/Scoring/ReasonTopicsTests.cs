using System.Reflection;
using ChurnWatch.Analytics.Modeling;
using ChurnWatch.Analytics.Predictors;
using ChurnWatch.Analytics.Scoring;

namespace ChurnWatch.Analytics.Tests.Scoring;

/// <summary>Behaviour before structure: which drivers are reasons, which are context, and how they are chosen.</summary>
public sealed class ReasonTopicsTests
{
    [Fact]
    public void Of_DocumentedPredictors_StructureIsContractPlanAndTenureOnly()
    {
        var names = typeof(PredictorNames).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.Name is not nameof(PredictorNames.UsagePrefix) and not nameof(PredictorNames.UsageSuffix))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();

        var structure = names.Where(n => ReasonTopics.IsStructure(ReasonTopics.Of(n))).Order(StringComparer.Ordinal);

        Assert.Equal(
            new[] { PredictorNames.AnnualContract, PredictorNames.DaysToRenewal, PredictorNames.Mrr, PredictorNames.PlanTier, PredictorNames.Seats, PredictorNames.TenureDays }.Order(StringComparer.Ordinal),
            structure);
        Assert.Equal(ReasonTopic.Usage, ReasonTopics.Of("usage_reports_28d"));
        Assert.Equal(ReasonTopic.Billing, ReasonTopics.Of(PredictorNames.MaxDaysOverdue));
    }

    private static ScoreExplanation Explanation(params (string Predictor, double Contribution)[] contributions) =>
        new(0.5, 0, 0, [.. contributions.Select(c => new PredictorContribution(c.Predictor, 0, c.Contribution))]);

    [Fact]
    public void Reasons_StrongStructureDriver_IsLeftToTheContext()
    {
        var predictors = ReasonExample.Predictors();
        var explanation = Explanation(
            (PredictorNames.AnnualContract, 1.2),
            (PredictorNames.TenureDays, 0.6),
            (PredictorNames.UrgentOpen, 0.35),
            (PredictorNames.WauChange, 0.2),
            (PredictorNames.Wau4w, 0.1));

        var reasons = ChurnModelWorkflow.Reasons(explanation, predictors, ReasonExample.Settings, RetainedLevels.None, RiskBand.High, 3);

        // Weekly users' two predictors add up (0.3), behind the urgent tickets (0.35); contract and tenure are context.
        Assert.Equal(["2 urgent tickets open", "Weekly active users fell from 24 to 7 (last 4 weeks vs the 8 before)"], reasons.Select(r => r.Sentence));
        Assert.Equal([ReasonTopic.Support, ReasonTopic.ActiveUsers], reasons.Select(r => r.Topic));
        Assert.All(reasons, r => Assert.False(r.IsProtective));
    }

    [Fact]
    public void Reasons_LowRiskAccount_SaysWhatKeepsItSafe_OthersWhatRaisesTheRisk()
    {
        var predictors = ReasonExample.Predictors();
        var explanation = Explanation((PredictorNames.UrgentOpen, 0.3), (PredictorNames.FailedPayments90d, -0.4), (PredictorNames.CsatAvg180d, -0.2), (PredictorNames.TenureDays, -0.9));

        var low = ChurnModelWorkflow.Reasons(explanation, predictors, ReasonExample.Settings, RetainedLevels.None, RiskBand.Low, 3);
        var medium = ChurnModelWorkflow.Reasons(explanation, predictors, ReasonExample.Settings, RetainedLevels.None, RiskBand.Medium, 3);

        Assert.Equal([PredictorNames.FailedPayments90d, PredictorNames.CsatAvg180d], low.Select(r => r.Predictor));
        Assert.All(low, r => Assert.True(r.IsProtective));
        Assert.Equal([PredictorNames.UrgentOpen], medium.Select(r => r.Predictor));
    }

    [Fact]
    public void Reasons_LowRiskAccountWithNothingProtective_KeepsWhatRaisesIt()
    {
        var reasons = ChurnModelWorkflow.Reasons(Explanation((PredictorNames.UrgentOpen, 0.3), (PredictorNames.CsatAvg180d, -0.01)), ReasonExample.Predictors(), ReasonExample.Settings, RetainedLevels.None, RiskBand.Low, 3);

        Assert.Equal([PredictorNames.UrgentOpen], reasons.Select(r => r.Predictor));
    }

    [Fact]
    public void Reasons_TwoPredictorsOfOneOverdueInvoice_AreOneReason()
    {
        var reasons = ChurnModelWorkflow.Reasons(Explanation((PredictorNames.InvoicesPastDue, 0.2), (PredictorNames.MaxDaysOverdue, 0.25)), ReasonExample.Predictors(), ReasonExample.Settings, RetainedLevels.None, RiskBand.High, 3);

        var reason = Assert.Single(reasons);
        Assert.Equal("2 invoices past due, the oldest 45 days", reason.Sentence);
        Assert.Equal(0.45, reason.Contribution, 12);
    }

    [Fact]
    public void Line_Account_StatesContractPlanTenureAndRenewal()
    {
        var predictors = ReasonExample.Predictors();

        var line = ContextWriter.Line(predictors, ReasonExample.Settings);

        // The example account: month-to-month on the Team plan since day 0, so 112 days (3 months) at day 112.
        Assert.StartsWith("Month-to-month, Team plan, customer for 3 months", line, StringComparison.Ordinal);
    }
}
