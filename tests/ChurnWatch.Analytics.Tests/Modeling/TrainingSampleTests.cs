using ChurnWatch.Analytics.History;
using ChurnWatch.Analytics.Modeling;
using ChurnWatch.Analytics.Predictors;
using ChurnWatch.Analytics.Tests.TestData;

namespace ChurnWatch.Analytics.Tests.Modeling;

/// <summary>
/// Training on a company read one batch of accounts at a time, and on a weighted sample of its rows: the batches must
/// give exactly the rows of the whole company, and the sample must stand for them.
/// </summary>
public sealed class TrainingSampleTests
{
    private static readonly CompanyHistory History = SyntheticCompany.Generate(accounts: 300, days: 600, seed: 7);

    private static ObservationSet Whole(ModelingOptions options)
    {
        var timeline = CompanyTimeline.Build(History);
        return ObservationSetBuilder.Build(new PredictorBuilder(timeline, ChurnModelWorkflow.ResolvePredictorSettings(timeline, options)), options);
    }

    private static (ObservationSet Set, TrainingSample Sample) Batched(ModelingOptions options, int accountsPerBatch)
    {
        var shape = CompanyShape.Of(History);
        var ledger = CompanyTimeline.Build(History with { UsageDays = [], UsageWeeks = [], Tickets = null, Invoices = null, PaymentAttempts = null }, shape);
        var settings = ChurnModelWorkflow.ResolvePredictorSettings(ledger, options);
        var sample = TrainingSample.Plan(ledger, ObservationSetBuilder.ObservationDates(shape, options), options);
        var batches = AccountBatches.Split(History, accountsPerBatch).Select(b => new PredictorBuilder(CompanyTimeline.Build(b, shape), settings));
        return (ObservationSetBuilder.Build(batches, sample, options), sample);
    }

    private static IEnumerable<(string Account, int Day)> Keys(ObservationSet set) =>
        Enumerable.Range(0, set.Count).Select(r => (set.AccountIds[set.Account[r]], set.Day[r]));

    [Fact]
    public void Batches_WithoutSampling_GiveExactlyTheWholeCompanysRows()
    {
        var options = new ModelingOptions();
        var whole = Whole(options);

        var (batched, sample) = Batched(options, accountsPerBatch: 70);

        Assert.Equal(1.0, sample.NegativeRate);
        Assert.Equal(whole.PredictorNames, batched.PredictorNames);
        Assert.Equal(Keys(whole), Keys(batched));
        Assert.Equal(whole.Churn, batched.Churn);
        Assert.Equal(whole.NonRenewal, batched.NonRenewal);
        Assert.Equal(whole.ChurnKnownDay, batched.ChurnKnownDay);
        Assert.Equal(whole.RenewalKnownDay, batched.RenewalKnownDay);
        // Bit for bit: NaN (missing) compares equal to NaN in Assert.Equal of floats.
        Assert.Equal(whole.Predictors.ReadAll(), batched.Predictors.ReadAll());
        Assert.False(batched.IsWeighted);
    }

    [Fact]
    public void Sample_KeepsEveryRowWhereSomethingHappenedAndTheTestPeriod_AndItsWeightsAddUpToTheRowsItStandsFor()
    {
        var whole = Whole(new ModelingOptions());
        var options = new ModelingOptions { MaxTrainingRows = whole.Count / 4 };

        var (sampled, sample) = Batched(options, accountsPerBatch: 100);

        Assert.InRange(sample.NegativeRate, 0.0001, 0.9999);
        Assert.Equal(whole.Count, sample.Rows);
        var kept = Keys(sampled).Select((key, r) => (key, r)).ToDictionary(k => k.key, k => k.r);
        var negativesBefore = 0;
        for (var r = 0; r < whole.Count; r++)
        {
            var key = (whole.AccountIds[whole.Account[r]], whole.Day[r]);
            var happened = whole.Churn[r] == 1 || whole.NonRenewal[r] == 1;
            if (happened || whole.Day[r] >= sample.UnsampledFromDay)
            {
                Assert.True(kept.TryGetValue(key, out var s), $"row {key} was dropped");
                Assert.Equal(1f, sampled.Weight[s]);
                Assert.Equal(whole.Row(r), sampled.Row(s));
            }
            else
            {
                negativesBefore++;
                if (kept.TryGetValue(key, out var s))
                {
                    Assert.Equal((float)(1 / sample.NegativeRate), sampled.Weight[s]);
                }
            }
        }

        // The weighted negatives estimate the negatives they stand for: a binomial count divided by the rate, whose
        // standard deviation is sqrt(n (1 - p) / p); four of them is a bound a fair sample passes.
        var weightedNegatives = Enumerable.Range(0, sampled.Count).Where(s => sampled.Weight[s] != 1f).Sum(s => (double)sampled.Weight[s]);
        var p = sample.NegativeRate;
        var sd = Math.Sqrt(negativesBefore * (1 - p) / p);
        Assert.InRange(weightedNegatives, negativesBefore - (4 * sd), negativesBefore + (4 * sd));
        Assert.True(sampled.Count < whole.Count * 0.6, $"{sampled.Count} rows kept of {whole.Count}");
    }

    [Fact]
    public void Sample_IsTheSameHoweverTheCompanyIsBatched()
    {
        var options = new ModelingOptions { MaxTrainingRows = 3_000 };

        var (few, _) = Batched(options, accountsPerBatch: 300);
        var (many, _) = Batched(options, accountsPerBatch: 37);

        Assert.Equal(Keys(few), Keys(many));
        Assert.Equal(few.Weight, many.Weight);
        Assert.Equal(few.Predictors.ReadAll(), many.Predictors.ReadAll());
    }

    [Fact]
    public void Train_OnASample_TestsOnTheSameRowsAndStaysCalibratedWithinNoiseOfTheFullData()
    {
        var fullOptions = new ModelingOptions();
        var rows = Whole(fullOptions).Count;
        var sampledOptions = new ModelingOptions { MaxTrainingRows = rows / 4 };
        var shape = CompanyShape.Of(History);
        var ledger = CompanyTimeline.Build(History with { UsageDays = [], UsageWeeks = [], Tickets = null, Invoices = null, PaymentAttempts = null }, shape);

        var full = ChurnModelWorkflow.Train(History, fullOptions).ChurnBacktest!;
        var sampled = ChurnModelWorkflow.Train(ledger, AccountBatches.Split(History, 100).Select(b => CompanyTimeline.Build(b, shape)), sampledOptions).ChurnBacktest!;

        // The test period is never sampled: both models are judged on the same rows.
        Assert.Equal(full.TestRows, sampled.TestRows);
        Assert.Equal(full.TestFrom, sampled.TestFrom);
        Assert.True(sampled.TrainRows < full.TrainRows * 0.6, $"trained on {sampled.TrainRows} of {full.TrainRows} rows");
        // Calibration in the large, from the calibration table of the raw (uncalibrated) probabilities: the weights keep
        // the predicted churns near the observed ones, no further from them than the full-data model plus four standard
        // deviations of a sum of Bernoulli outcomes.
        static (double Gap, double Sd) InTheLarge(BacktestReport report) => (
            Math.Abs(report.Calibration.Sum(b => b.Count * (b.MeanPredicted - b.ObservedRate))),
            Math.Sqrt(report.Calibration.Sum(b => b.Count * b.MeanPredicted * (1 - b.MeanPredicted))));
        var (fullGap, _) = InTheLarge(full);
        var (sampledGap, sd) = InTheLarge(sampled);
        Assert.True(sampledGap <= fullGap + (4 * sd), $"predicted - observed churns: sampled {sampledGap:F1}, full {fullGap:F1}, sd {sd:F1}");
        // Ranking: within two of the full-data AUC's standard errors (Hanley and McNeil) on these test rows.
        Assert.InRange(sampled.Auc, full.Auc - (2 * AucStandardError(full)), 1.0);
    }

    private static double AucStandardError(BacktestReport report)
    {
        var a = report.Auc;
        var positives = Math.Round(report.TestRows * report.TestBaseRate);
        var negatives = report.TestRows - positives;
        var q1 = a / (2 - a);
        var q2 = 2 * a * a / (1 + a);
        return Math.Sqrt(((a * (1 - a)) + ((positives - 1) * (q1 - (a * a))) + ((negatives - 1) * (q2 - (a * a)))) / (positives * negatives));
    }

    [Fact]
    public void Uniform_SpreadsRowsEvenlyAndDependsOnTheSeed()
    {
        var values = Enumerable.Range(0, 20_000).Select(i => TrainingSample.Uniform($"acct-{i % 400}", 20_000 + (7 * (i / 400)), 42)).ToArray();

        // Each tenth of [0, 1) holds 2,000 +- 4 binomial standard deviations (sqrt(20,000 x 0.1 x 0.9) = 42.4).
        var sd = Math.Sqrt(values.Length * 0.1 * 0.9);
        foreach (var decile in values.GroupBy(v => (int)(v * 10)))
        {
            Assert.InRange(decile.Count(), 2_000 - (4 * sd), 2_000 + (4 * sd));
        }

        Assert.NotEqual(TrainingSample.Uniform("acct-1", 20_000, 42), TrainingSample.Uniform("acct-1", 20_000, 43));
    }
}
