using ChurnWatch.Analytics.Modeling;
using ChurnWatch.Analytics.Predictors;
using ChurnWatch.Analytics.Scoring;
using ChurnWatch.Analytics.Tests.TestData;
using Xunit.Abstractions;

namespace ChurnWatch.Analytics.Tests.Modeling;

public class ChurnModelWorkflowTests : IClassFixture<TrainedSyntheticFixture>
{
    private readonly TrainedSyntheticFixture _fixture;
    private readonly ITestOutputHelper _output;

    public ChurnModelWorkflowTests(TrainedSyntheticFixture fixture, ITestOutputHelper output)
    {
        _fixture = fixture;
        _output = output;
    }

    [Fact]
    public void Train_ChurnCausedByUsageDecline_BacktestRanksWellAboveChance()
    {
        var report = _fixture.Models.ChurnBacktest;

        Assert.NotNull(report);
        _output.WriteLine($"churn backtest: AUC {report.Auc:F3}, log loss {report.LogLoss:F3}, Brier {report.Brier:F3}, lift {report.TopDecileLift:F2}, base {report.TestBaseRate:F3}, train {report.TrainRows} test {report.TestRows}");
        // Chance is 0.5. Usage decline is the only systematic cause of churn here, so a pipeline whose predictors and
        // labels line up must rank far better; 0.75 fails if either is broken (shifted labels, leaky or empty predictors).
        Assert.True(report.Auc > 0.75, $"AUC {report.Auc}");
        Assert.True(report.TopDecileLift > 2, $"lift {report.TopDecileLift}");
        Assert.Equal(ChurnWatch.Analytics.Labels.ChurnLabel.TargetName, report.Target);
        Assert.Equal(10, report.Calibration.Count);
        Assert.Equal(report.TestRows, report.Calibration.Sum(b => b.Count));
    }

    [Fact]
    public void Train_Backtest_TrainingLabelsSettleBeforeTheTestPeriod()
    {
        var report = _fixture.Models.ChurnBacktest!;
        var options = _fixture.Options;

        Assert.True(report.TrainTo.AddDays(options.HorizonDays + options.GraceDays) <= report.TestFrom);
        Assert.True(report.TestFrom <= report.TestTo);
        Assert.Equal(DayOfWeek.Monday, report.TestFrom.DayOfWeek);
        Assert.True(report.TestTo.AddDays(options.HorizonDays + options.GraceDays) <= DateOnly.FromDateTime(_fixture.History.DataAsOf));
    }

    [Fact]
    public void Train_RenewalTarget_HasModelAndBacktest()
    {
        var models = _fixture.Models;

        Assert.NotNull(models.Renewal);
        Assert.Equal(ModelTarget.NonRenewal, models.Renewal.Target);
        Assert.NotNull(models.RenewalBacktest);
        _output.WriteLine($"renewal backtest: AUC {models.RenewalBacktest.Auc:F3}, rows {models.RenewalBacktest.TrainRows}/{models.RenewalBacktest.TestRows}");
        Assert.Equal(ChurnWatch.Analytics.Labels.RenewalLabel.TargetName, models.RenewalBacktest.Target);
    }

    [Fact]
    public void Serialize_Model_RecordsTheChurnWatchVersionThatTrainedIt()
    {
        var version = typeof(RiskModel).Assembly.GetName().Version!;

        var model = RiskModelSerializer.Deserialize(RiskModelSerializer.Serialize(_fixture.Models.Churn));

        Assert.Equal($"{version.Major}.{version.Minor}.{version.Build}", model.ChurnWatchVersion);
        Assert.Contains($"\"churn_watch_version\": \"{model.ChurnWatchVersion}\"", RiskModelSerializer.Serialize(model), StringComparison.Ordinal);
    }

    [Fact]
    public void Train_CalibrationChosenOnTheBacktest_ImprovesHeldOutLogLossAndIsApplied()
    {
        var model = _fixture.Models.Churn;
        var report = model.Backtest!;
        _output.WriteLine($"calibration {report.CalibrationMethod}: log loss {report.UncalibratedLogLoss:F4} -> {report.CalibratedLogLoss:F4}, PR-AUC {report.AveragePrecision:F3}");

        Assert.InRange(report.AveragePrecision, report.TestBaseRate, 1.0); // a useful ranking beats the base rate
        Assert.NotNull(report.CalibrationMethod);
        Assert.True(report.CalibratedLogLoss <= report.UncalibratedLogLoss);
        Assert.Equal(report.CalibrationMethod != "none", model.Classifier.IsCalibrated);
        // calibration is monotone: it never reorders accounts
        var snapshots = ChurnModelWorkflow.PredictorSnapshots(CompanyTimeline.Build(_fixture.History), model.PredictorSettings, ChurnModelWorkflow.DefaultAsOf(_fixture.History));
        var calibrated = model.Explain(snapshots).OrderBy(e => e.Logit).Select(e => e.CalibratedProbability).ToArray();
        Assert.Equal(calibrated.Order(), calibrated);
        Assert.All(calibrated, p => Assert.InRange(p, 0, 1));
    }

    [Fact]
    public void Train_SameData_GivesByteIdenticalJson()
    {
        var again = ChurnModelWorkflow.Train(_fixture.History, _fixture.Options);

        Assert.Equal(RiskModelSerializer.Serialize(_fixture.Models.Churn), RiskModelSerializer.Serialize(again.Churn));
        Assert.Equal(RiskModelSerializer.Serialize(_fixture.Models.Renewal!), RiskModelSerializer.Serialize(again.Renewal!));
    }

    [Fact]
    public void StartWithoutImportance_SameModelsAndProbabilities_NoImportance()
    {
        // The models that score but are never shown (forecast backtest, replays): the same fit, no global importance.
        var timeline = CompanyTimeline.Build(_fixture.History);
        using var training = ChurnModelTraining.StartWithoutImportance(timeline, _fixture.Options);
        training.Add(timeline);

        var lean = training.Finish();

        Assert.Empty(lean.Churn.Importance);
        Assert.Empty(lean.Renewal!.Importance);
        Assert.NotEmpty(_fixture.Models.Churn.Importance);
        Assert.Equal(
            RiskModelSerializer.Serialize(_fixture.Models.Churn),
            RiskModelSerializer.Serialize(lean.Churn with { Importance = _fixture.Models.Churn.Importance }));
        Assert.Equal(
            RiskModelSerializer.Serialize(_fixture.Models.Renewal!),
            RiskModelSerializer.Serialize(lean.Renewal with { Importance = _fixture.Models.Renewal!.Importance }));
        var probabilities = ChurnModelWorkflow.Score(_fixture.History, _fixture.Models, _fixture.Options).Select(s => (s.AccountId, s.ChurnProbability, s.RenewalProbability));
        Assert.Equal(probabilities, ChurnModelWorkflow.Score(_fixture.History, lean, _fixture.Options).Select(s => (s.AccountId, s.ChurnProbability, s.RenewalProbability)));
        // The batch entry point (the replays of reasons and signals evaluate) is the same training.
        var batched = ChurnModelWorkflow.TrainWithoutImportance(timeline, [timeline], _fixture.Options);
        Assert.Equal(RiskModelSerializer.Serialize(lean.Churn), RiskModelSerializer.Serialize(batched.Churn));
        Assert.Equal(RiskModelSerializer.Serialize(lean.Renewal), RiskModelSerializer.Serialize(batched.Renewal!));
    }

    [Fact]
    public void Probabilities_AreTheScoresProbabilities_WithoutTheirExplanations()
    {
        // The forecast backtest reads only the probabilities: they must be the very ones the explained scores carry.
        var timeline = CompanyTimeline.Build(_fixture.History);
        var today = ChurnModelWorkflow.DefaultAsOf(_fixture.History);
        foreach (var asOf in new[] { today, today.AddMonths(-6) })
        {
            var scores = ChurnModelWorkflow.Score(timeline, _fixture.Models, _fixture.Options, asOf);

            var probabilities = ChurnModelWorkflow.Probabilities(timeline, _fixture.Models, asOf);

            Assert.Equal(scores.Select(s => (s.AccountId, s.ChurnProbability, s.RenewalProbability)), probabilities.Select(p => (p.AccountId, p.ChurnProbability, p.RenewalProbability)));
            // Both kinds of account are there: with a contract to renew and without.
            Assert.Contains(probabilities, p => p.RenewalProbability is not null);
            Assert.Contains(probabilities, p => p.RenewalProbability is null);
        }

        var withoutRenewalModel = ChurnModelWorkflow.Probabilities(timeline, _fixture.Models with { Renewal = null }, today);
        Assert.All(withoutRenewalModel, p => Assert.Null(p.RenewalProbability));
    }

    [Fact]
    public void Score_EveryActiveAccount_HasProbabilityBandAndReasons()
    {
        var options = _fixture.Options;
        var asOf = ChurnModelWorkflow.DefaultAsOf(_fixture.History);

        var scores = ChurnModelWorkflow.Score(_fixture.History, _fixture.Models, options);

        var active = _fixture.History.Subscriptions.Where(s => s.IsActiveAt(SyntheticCompany.Instant(asOf))).Select(s => s.AccountId).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(active, scores.Select(s => s.AccountId));
        Assert.All(scores, s =>
        {
            Assert.Equal(asOf, s.AsOf);
            Assert.InRange(s.ChurnProbability, 0, 1);
            Assert.Equal(RiskBands.For(s.ChurnProbability, options.MediumRiskThreshold, options.HighRiskThreshold), s.Band);
            Assert.True(s.Reasons.Count <= options.ReasonCount);
            // Behaviour only, all one way: what raises the risk, or (low-risk accounts only) what keeps it low.
            Assert.All(s.Reasons, r => Assert.False(ReasonTopics.IsStructure(r.Topic)));
            Assert.All(s.Reasons, r => Assert.Equal(s.Reasons[0].IsProtective, r.IsProtective));
            if (s.Reasons.Count > 0 && s.Reasons[0].IsProtective)
                Assert.Equal(RiskBand.Low, s.Band);
            Assert.Equal(s.Reasons.OrderByDescending(r => Math.Abs(r.Contribution)).Select(r => r.Predictor), s.Reasons.Select(r => r.Predictor));
            Assert.False(string.IsNullOrEmpty(s.Context));
        });
        var withContract = _fixture.History.Subscriptions.Where(s => s.RenewalDate is not null).Select(s => s.AccountId).ToHashSet();
        Assert.All(scores, s => Assert.Equal(withContract.Contains(s.AccountId), s.RenewalProbability is not null));
        foreach (var s in scores.OrderByDescending(s => s.ChurnProbability).Take(3))
        {
            _output.WriteLine($"{s.AccountId} p={s.ChurnProbability:F3} {s.Band}: {string.Join(" | ", s.Reasons.Select(r => r.Sentence))}");
        }
    }

    [Fact]
    public void Score_ProbabilityMatchesExplanation_AndContributionsSumToLogit()
    {
        var asOf = ChurnModelWorkflow.DefaultAsOf(_fixture.History);
        var model = _fixture.Models.Churn;
        var snapshots = ChurnModelWorkflow.PredictorSnapshots(CompanyTimeline.Build(_fixture.History), model.PredictorSettings, asOf);
        var scores = ChurnModelWorkflow.Score(_fixture.History, _fixture.Models, _fixture.Options, asOf);

        Assert.Equal(snapshots.Count, scores.Count);
        for (var i = 0; i < snapshots.Count; i++)
        {
            var explanation = model.Explain(snapshots[i]);
            // the user sees the calibrated probability; the explanation is of the raw logit it maps from
            Assert.Equal(explanation.CalibratedProbability, scores[i].ChurnProbability);
            Assert.Equal(explanation.Logit - explanation.Intercept, explanation.Contributions.Sum(c => c.Contribution), 1e-9);
            Assert.Equal(1 / (1 + Math.Exp(-explanation.Logit)), explanation.Probability, 12);
            Assert.Equal(snapshots[i].Values, explanation.Contributions.Select(c => c.RawValue));
        }
    }

    [Fact]
    public void Score_Reasons_AddUpPredictorsThatSayTheSameAndSkipWeakOnes()
    {
        var asOf = ChurnModelWorkflow.DefaultAsOf(_fixture.History);
        var model = _fixture.Models.Churn;
        var snapshots = ChurnModelWorkflow.PredictorSnapshots(CompanyTimeline.Build(_fixture.History), model.PredictorSettings, asOf);
        var scores = ChurnModelWorkflow.Score(_fixture.History, _fixture.Models, _fixture.Options, asOf);

        for (var i = 0; i < snapshots.Count; i++)
        {
            var groups = model.Explain(snapshots[i]).Contributions
                .GroupBy(c => ReasonWriter.Sentence(c.Predictor, snapshots[i], model.PredictorSettings))
                .ToList();
            // Shown with the comparison with retained accounts; grouped here by the sentence without it, as the
            // predictors that say one thing in words give one sentence.
            string Shown(IGrouping<string, PredictorContribution> g) => ReasonWriter.Sentence(g.First().Predictor, snapshots[i], model.PredictorSettings, model.RetainedLevels);
            var bySentence = groups.ToDictionary(Shown, g => g.Sum(c => c.Contribution));
            // A sentence's topic is its strongest predictor's; contract, plan and tenure are context, never a reason; a
            // level whose comparison says the opposite of its contribution is not shown.
            var behaviour = groups
                .Where(g => !ReasonTopics.IsStructure(ReasonTopics.Of(g.OrderByDescending(c => Math.Abs(c.Contribution)).ThenBy(c => c.Predictor, StringComparer.Ordinal).First().Predictor)))
                .Where(g => !ReasonDirection.Contradicts(g.First().Predictor, snapshots[i], model.PredictorSettings, model.RetainedLevels, raisesRisk: bySentence[Shown(g)] > 0))
                .Select(Shown).ToList();
            var raising = behaviour.Where(k => bySentence[k] >= ChurnModelWorkflow.MinimumReasonContribution).OrderByDescending(k => bySentence[k]).ToList();
            var protecting = behaviour.Where(k => bySentence[k] <= -ChurnModelWorkflow.MinimumReasonContribution).OrderBy(k => bySentence[k]).ToList();
            var expected = (scores[i].Band == RiskBand.Low && protecting.Count > 0 ? protecting : raising).Take(_fixture.Options.ReasonCount);

            Assert.Equal(expected, scores[i].Reasons.Select(r => r.Sentence));
            Assert.All(scores[i].Reasons, r => Assert.Equal(bySentence[r.Sentence], r.Contribution, 12));
        }
    }

    [Fact]
    public void Score_WithChanges_WeekBeforeFromTheSameModelAndDriversInTheDirectionOfTheMove()
    {
        var asOf = ChurnModelWorkflow.DefaultAsOf(_fixture.History);
        var model = _fixture.Models.Churn;
        var timeline = CompanyTimeline.Build(_fixture.History);
        var weekBefore = ChurnModelWorkflow.PredictorSnapshots(timeline, model.PredictorSettings, asOf.AddDays(-7)).ToDictionary(f => f.AccountId);

        var scores = ChurnModelWorkflow.Score(timeline, _fixture.Models, _fixture.Options, asOf, withChanges: true);
        var without = ChurnModelWorkflow.Score(timeline, _fixture.Models, _fixture.Options, asOf);

        // Asking for changes changes nothing else.
        Assert.Equal(without.Select(s => (s.AccountId, s.ChurnProbability, string.Join("|", s.Reasons.Select(r => r.Sentence)))),
            scores.Select(s => (s.AccountId, s.ChurnProbability, string.Join("|", s.Reasons.Select(r => r.Sentence)))));
        Assert.All(without, s => Assert.Empty(s.Changes));
        foreach (var s in scores)
        {
            if (!weekBefore.TryGetValue(s.AccountId, out var then))
            {
                Assert.Null(s.ChurnProbabilityWeekBefore);
                Assert.Empty(s.Changes);
                continue;
            }

            Assert.Equal(model.PredictProbabilities([then])[0], s.ChurnProbabilityWeekBefore!.Value, 12);
            var move = s.ChurnProbability - s.ChurnProbabilityWeekBefore.Value;
            if (Math.Abs(move) < ChurnModelWorkflow.MinimumMove)
                Assert.Empty(s.Changes);
            Assert.All(s.Changes, c => Assert.Equal(Math.Sign(move), Math.Sign(c.Contribution)));
            Assert.All(s.Changes, c => Assert.Contains(" (a week earlier: ", c.Sentence, StringComparison.Ordinal));
            Assert.All(s.Changes, c => Assert.False(ReasonTopics.IsStructure(c.Topic)));
        }

        Assert.Contains(scores, s => s.Changes.Count > 0);
        foreach (var s in scores.Where(s => s.Changes.Count > 0).Take(3))
        {
            _output.WriteLine($"{s.AccountId} {s.ChurnProbabilityWeekBefore:P0} -> {s.ChurnProbability:P0}: {string.Join(" | ", s.Changes.Select(r => r.Sentence))}");
        }
    }

    [Fact]
    public void Score_LevelReasons_NameWhatTheyAreComparedWith()
    {
        var scores = ChurnModelWorkflow.Score(_fixture.History, _fixture.Models, _fixture.Options);

        Assert.NotEmpty(_fixture.Models.Churn.RetainedLevels.Medians);
        // A missing level ("No CSAT rating in the last 180 days") states an absence: nothing to compare.
        var levels = scores.SelectMany(s => s.Reasons)
            .Where(r => RetainedLevels.IsLevel(ReasonWriter.DriverOf(r.Predictor)) && !r.Sentence.StartsWith("No ", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(levels);
        // A level names retained accounts; weekly active users, when there is an earlier period, name it instead.
        Assert.All(levels, r => Assert.True(
            r.Sentence.Contains("retained ", StringComparison.Ordinal) || r.Sentence.Contains(" vs the 8 before", StringComparison.Ordinal), r.Sentence));
    }

    [Fact]
    public void Score_DecliningAccount_ReasonSaysWeeklyUsersFell()
    {
        var scores = ChurnModelWorkflow.Score(_fixture.History, _fixture.Models, _fixture.Options);

        var sentences = scores.Where(s => s.Band == RiskBand.High).SelectMany(s => s.Reasons).Select(r => r.Sentence).ToArray();
        Assert.Contains(sentences, s => s.StartsWith("Weekly active users fell from ", StringComparison.Ordinal));
    }

    [Fact]
    public void Score_ModelWithDifferentPredictors_IsRefusedNamingThem()
    {
        var model = _fixture.Models.Churn;
        var renamed = model with { PredictorNames = [.. model.PredictorNames.Select(n => n == PredictorNames.Mrr ? "mrr_eur" : n)] };
        var models = _fixture.Models with { Churn = renamed };

        var error = Assert.Throws<InvalidOperationException>(() => ChurnModelWorkflow.Score(_fixture.History, models, _fixture.Options));

        Assert.Contains("missing mrr_eur", error.Message, StringComparison.Ordinal);
        Assert.Contains("extra mrr", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Probabilities_RenewalModelWithDifferentPredictors_IsRefusedNamingThem()
    {
        // The probabilities-only path refuses a mismatched model as the scoring does, the renewal model included.
        var model = _fixture.Models.Renewal!;
        var renamed = model with { PredictorNames = [.. model.PredictorNames.Select(n => n == PredictorNames.Mrr ? "mrr_eur" : n)] };
        var timeline = CompanyTimeline.Build(_fixture.History);

        var error = Assert.Throws<InvalidOperationException>(() => ChurnModelWorkflow.Probabilities(
            timeline, _fixture.Models with { Renewal = renamed }, ChurnModelWorkflow.DefaultAsOf(_fixture.History)));

        Assert.Contains("NonRenewal model", error.Message, StringComparison.Ordinal);
        Assert.Contains("missing mrr_eur", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Serializer_RoundTrip_GivesSameJsonAndSameScores()
    {
        var json = RiskModelSerializer.Serialize(_fixture.Models.Churn);
        var read = RiskModelSerializer.Deserialize(json);
        using var stream = new MemoryStream();
        RiskModelSerializer.Serialize(read, stream);
        stream.Position = 0;
        var readFromStream = RiskModelSerializer.Deserialize(stream);

        Assert.Equal(json, RiskModelSerializer.Serialize(read));
        Assert.Equal(json, RiskModelSerializer.Serialize(readFromStream));
        Assert.Contains("\"target\": \"churn\"", json, StringComparison.Ordinal);
        var snapshot = ChurnModelWorkflow.PredictorSnapshots(CompanyTimeline.Build(_fixture.History), read.PredictorSettings, ChurnModelWorkflow.DefaultAsOf(_fixture.History))[0];
        Assert.Equal(_fixture.Models.Churn.Explain(snapshot).Probability, read.Explain(snapshot).Probability);
    }

    [Fact]
    public void Serializer_UnknownFormatVersion_IsRejected()
    {
        var json = RiskModelSerializer.Serialize(_fixture.Models.Churn with { FormatVersion = 99 });

        var error = Assert.Throws<System.Text.Json.JsonException>(() => RiskModelSerializer.Deserialize(json));
        Assert.Contains("99", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_WithoutOptionalEntities_TrainsAndTheirPredictorsAreNaN()
    {
        var history = SyntheticCompany.Generate(accounts: 120, days: 500, seed: 9, optionalEntities: false);

        var models = ChurnModelWorkflow.Train(history, new ModelingOptions());
        var snapshots = ChurnModelWorkflow.PredictorSnapshots(history, new ModelingOptions(), ChurnModelWorkflow.DefaultAsOf(history));

        Assert.All(snapshots, s => Assert.True(double.IsNaN(s[PredictorNames.TicketsOpen])));
        // A predictor never observed in training carries no information: it moves no account's score.
        Assert.All(snapshots, s => Assert.Equal(0, models.Churn.Explain(s).Contributions.Single(c => c.Predictor == PredictorNames.TicketsOpen).Contribution));
        Assert.All(snapshots, s => Assert.Equal(0, models.Renewal!.Explain(s).Contributions.Single(c => c.Predictor == PredictorNames.TicketsOpen).Contribution));
    }

    [Fact]
    public void Train_BothLearnersCompete_ChosenOneHasTheLowestCalibratedBacktestLogLoss()
    {
        foreach (var model in new[] { _fixture.Models.Churn, _fixture.Models.Renewal! })
        {
            _output.WriteLine($"{model.Target}: {string.Join(", ", model.Candidates.Select(c => $"{c.Learner} AUC {c.Auc:F3} log loss {c.LogLoss:F4}"))} -> {model.Learner}");

            Assert.Equal([RiskModel.LogisticRegressionLearner, RiskModel.LightGbmLearner], model.Candidates.Select(c => c.Learner));
            Assert.All(model.Candidates, c => Assert.Equal(model.Backtest!.TestFrom, c.TestFrom)); // the same time split
            var best = model.Candidates.OrderBy(c => c.CalibratedLogLoss ?? c.LogLoss).ThenByDescending(c => c.Auc).First();
            Assert.Equal(best.Learner, model.Learner);
            Assert.Equal(best, model.Backtest);
            Assert.Equal(model.Learner, model.Classifier.Learner);
        }
    }

    [Fact]
    public void Train_Importance_CoversEveryPredictorMostFirst_AndUsageDeclineLeads()
    {
        var model = _fixture.Models.Churn;
        var importance = model.Importance;
        foreach (var i in importance.Take(5))
        {
            _output.WriteLine($"{i.Predictor}: mean |contribution| {i.MeanAbsoluteContribution:F3}, permutation AUC drop {i.PermutationAucDrop:F4} ± {i.PermutationAucDropSpread:F4}");
        }

        Assert.Equal(model.PredictorNames.Order(StringComparer.Ordinal), importance.Select(i => i.Predictor).Order(StringComparer.Ordinal));
        Assert.Equal(importance.Select(i => i.MeanAbsoluteContribution).OrderDescending(), importance.Select(i => i.MeanAbsoluteContribution));
        // The synthetic company churns from falling usage: a usage predictor must lead, and shuffling it must cost AUC.
        var usage = new[] { PredictorNames.Wau4w, PredictorNames.WauPrev8w, PredictorNames.WauChange, PredictorNames.Events28d, PredictorNames.EventsChange, PredictorNames.DaysSinceLastActivity, PredictorNames.EventsPerUser28d, PredictorNames.SeatUtilisation };
        Assert.Contains(importance[0].Predictor, usage.Concat(model.PredictorNames.Where(f => f.StartsWith(PredictorNames.UsagePrefix, StringComparison.Ordinal))));
        Assert.True(importance.Max(i => i.PermutationAucDrop) > 0.01, "no predictor's shuffle cost AUC");
    }

    [Fact]
    public void Train_LearnersOptionNamesOne_OnlyThatOneIsTrained()
    {
        var options = new ModelingOptions { Learners = [RiskModel.LightGbmLearner] };

        var models = ChurnModelWorkflow.Train(_fixture.History, options);

        Assert.Equal(RiskModel.LightGbmLearner, models.Churn.Learner);
        Assert.Equal(RiskModel.LightGbmLearner, models.Churn.Classifier.Learner);
        Assert.NotNull(models.Churn.Classifier.TreeCovers);
        Assert.Equal([RiskModel.LightGbmLearner], models.Churn.Candidates.Select(c => c.Learner));
    }

    [Fact]
    public void Validate_UnknownLearner_NamesTheSettingAndTheKnownOnes()
    {
        var options = new ModelingOptions { Learners = ["xgboost"] };

        var error = Assert.Throws<System.ComponentModel.DataAnnotations.ValidationException>(options.Validate);

        Assert.Contains("Modeling:Learners lists 'xgboost'", error.Message, StringComparison.Ordinal);
        Assert.Contains(RiskModel.LightGbmLearner, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_TooShortHistory_ThrowsClearMessage()
    {
        var history = SyntheticCompany.Generate(accounts: 20, days: 100, seed: 1);

        var options = new ModelingOptions();

        var error = Assert.Throws<InvalidOperationException>(() => ChurnModelWorkflow.Train(history, options));

        // It names each setting with its value, the history they need, and the history there is.
        var days = ObservationCalendar.DayOf(history.DataAsOf) - CompanyShape.Of(history).FirstDataDay!.Value;
        Assert.Contains($"({days} days)", error.Message, StringComparison.Ordinal);
        Assert.Contains("Modeling:WarmUpDays (84)", error.Message, StringComparison.Ordinal);
        Assert.Contains("Modeling:HorizonDays (90) + Modeling:GraceDays (30)", error.Message, StringComparison.Ordinal);
        Assert.Contains($"at least {options.WarmUpDays + options.HorizonDays + options.GraceDays} days", error.Message, StringComparison.Ordinal);
        Assert.Contains($"needs {options.MinimumHistoryDays} days", error.Message, StringComparison.Ordinal);
    }
}
