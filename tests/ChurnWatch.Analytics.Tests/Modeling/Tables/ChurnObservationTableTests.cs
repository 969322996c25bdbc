using System.Globalization;
using ChurnWatch.Analytics.Modeling;
using ChurnWatch.Analytics.Modeling.Tables;
using ChurnWatch.Analytics.Predictors;
using ChurnWatch.Analytics.Tests.TestData;

namespace ChurnWatch.Analytics.Tests.Modeling.Tables;

public sealed class ChurnObservationTableTests
{
    [Fact]
    public void Build_SyntheticCompany_OneRowPerLabelledObservationWithTheWorkflowsPredictors()
    {
        var timeline = CompanyTimeline.Build(SyntheticCompany.Generate(accounts: 120, days: 500, seed: 31));
        var options = new ModelingOptions();
        var settings = ChurnModelWorkflow.ResolvePredictorSettings(timeline, options);
        using var set = ObservationSetBuilder.Build(new PredictorBuilder(timeline, settings), options);
        var labelled = Enumerable.Range(0, set.Count).Where(r => set.Churn[r] >= 0).ToList();

        var table = ChurnObservationTable.Build(timeline, options, "observations.csv");

        Assert.Equal(["account_id", "observation_date", .. set.PredictorNames, "churned"], table.Columns);
        Assert.Equal(labelled.Count, table.Rows.Count);
        for (var i = 0; i < labelled.Count; i++)
        {
            var (row, r) = (table.Rows[i], labelled[i]);
            Assert.Equal(timeline.Timelines[set.Account[r]].Account.AccountId, row[0]);
            Assert.Equal(DayOfWeek.Monday, DateOnly.ParseExact(row[1], "yyyy-MM-dd", CultureInfo.InvariantCulture).DayOfWeek);
            Assert.Equal(set.Churn[r].ToString(CultureInfo.InvariantCulture), row[^1]);
            var predictors = set.Row(r);
            for (var c = 0; c < predictors.Length; c++)
            {
                // Missing stays missing (an empty cell), and every number reads back to the same float (what ML.NET reads).
                Assert.Equal(predictors[c], row[2 + c].Length == 0 ? float.NaN : float.Parse(row[2 + c], CultureInfo.InvariantCulture));
            }
        }

        Assert.Contains(table.Rows, r => r[^1] == "1");
        Assert.Contains(table.Rows, r => r[^1] == "0");
    }

    [Fact]
    public void Rows_InBatchesOfAccounts_AreExactlyTheWholeTablesRows()
    {
        var history = SyntheticCompany.Generate(accounts: 150, days: 500, seed: 32);
        var shape = CompanyShape.Of(history);
        var options = new ModelingOptions();
        var whole = ChurnObservationTable.Build(CompanyTimeline.Build(history, shape), options, "observations.csv");
        var ledger = CompanyTimeline.Build(history with { UsageDays = [], UsageWeeks = [], Tickets = null, Invoices = null, PaymentAttempts = null }, shape);

        var batched = ChurnObservationTable.Rows(ledger, AccountBatches.Split(history, 40).Select(b => CompanyTimeline.Build(b, shape)), options).ToList();

        Assert.Equal(whole.Columns, ChurnObservationTable.Columns(ledger, options));
        Assert.NotEmpty(batched);
        Assert.Equal(whole.Rows, batched);
    }
}
