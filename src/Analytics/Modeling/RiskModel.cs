using ChurnWatch.Analytics.Modeling.MlNet;
using ChurnWatch.Analytics.Predictors;
using ChurnWatch.Analytics.Scoring;

namespace ChurnWatch.Analytics.Modeling;

/// <summary>
/// A trained, self-describing risk model: what it predicts, on which predictors and window it was trained, the learner
/// that won the backtest and its ML.NET model (predictor preparation, learner and calibrator in one zip), every
/// candidate's backtest and the predictors it leans on. Serialise with <see cref="RiskModelSerializer"/>.
/// </summary>
/// <param name="FormatVersion">Model file format version (<see cref="CurrentFormatVersion"/>).</param>
/// <param name="Target">What the model predicts.</param>
/// <param name="Learner">The learner chosen by the backtest, for example <c>lightgbm</c>.</param>
/// <param name="DataAsOf">The data's as-of instant at training.</param>
/// <param name="TrainFrom">First observation date in training.</param>
/// <param name="TrainTo">Last observation date in training.</param>
/// <param name="TrainRows">Labelled rows trained on.</param>
/// <param name="TrainBaseRate">Share of positive labels in training.</param>
/// <param name="HorizonDays">Churn horizon of the labels.</param>
/// <param name="GraceDays">Grace period of the labels.</param>
/// <param name="RenewalWindowDays">Renewal window of the renewal labels.</param>
/// <param name="PredictorSettings">The definitions behind the predictors, reused when scoring.</param>
/// <param name="PredictorNames">The predictors the model needs, in the classifier's column order.</param>
/// <param name="Classifier">The ML.NET model and what explains it.</param>
/// <param name="Backtest">The time-split backtest of the chosen learner, when there was enough history.</param>
public sealed record RiskModel(
    int FormatVersion,
    ModelTarget Target,
    string Learner,
    DateTime DataAsOf,
    DateOnly TrainFrom,
    DateOnly TrainTo,
    int TrainRows,
    double TrainBaseRate,
    int HorizonDays,
    int GraceDays,
    int RenewalWindowDays,
    PredictorSettings PredictorSettings,
    IReadOnlyList<string> PredictorNames,
    MlNetClassifier Classifier,
    BacktestReport? Backtest)
{
    /// <summary>
    /// The format this code writes and reads: 4, JSON metadata with the ML.NET model zip inside. Version 3 is the same
    /// with the model inputs called features (<c>feature_names</c>, ...) and is still read, its names renamed; versions 1
    /// and 2 held ChurnWatch's own hand-written learners and are no longer read.
    /// </summary>
    public const int CurrentFormatVersion = 4;

    /// <summary>The learner name of ML.NET's L-BFGS logistic regression.</summary>
    public const string LogisticRegressionLearner = MlNetLearners.LogisticRegression;

    /// <summary>The learner name of ML.NET's LightGBM trees.</summary>
    public const string LightGbmLearner = MlNetLearners.LightGbm;

    /// <summary>The backtest of every learner that competed, the chosen one included, in the order they were tried.</summary>
    public IReadOnlyList<BacktestReport> Candidates { get; init; } = [];

    /// <summary>
    /// What the chosen learner leans on, most first: mean |contribution| and the AUC lost when a predictor is shuffled,
    /// both measured on the backtest's test period. Empty without a backtest.
    /// </summary>
    public IReadOnlyList<PredictorImportance> Importance { get; init; } = [];

    /// <summary>
    /// The share of rows where nothing happened, before the backtest's test period, that the model trained on (each
    /// weighted by one over it); 1 when every labelled row trained it. See <see cref="TrainingSample"/>.
    /// </summary>
    public double NegativeSampleRate { get; init; } = 1.0;

    /// <summary>
    /// What retained accounts on each plan do, for the reasons' comparisons; <see cref="RetainedLevels.None"/> in a
    /// model file written before they were learned (its reasons then state levels alone until the next training).
    /// </summary>
    public RetainedLevels RetainedLevels { get; init; } = RetainedLevels.None;

    /// <summary>Labelled observation rows the company had for this training; the sample stood for them.</summary>
    public long LabelledRows { get; init; }

    /// <summary>The ChurnWatch version that trained the model, so a model file says which code made it.</summary>
    public string ChurnWatchVersion { get; init; } = CurrentChurnWatchVersion;

    /// <summary>This build's version (the assembly's informational version, without source-control suffix).</summary>
    public static string CurrentChurnWatchVersion { get; } =
        (typeof(RiskModel).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion ?? "0.0.0").Split('+')[0];

    /// <summary>
    /// Throws <see cref="InvalidOperationException"/> naming the missing and extra predictors when
    /// <paramref name="predictorNames"/> is not the set this model was trained on.
    /// </summary>
    public void EnsureCompatible(IReadOnlyList<string> predictorNames)
    {
        ArgumentNullException.ThrowIfNull(predictorNames);
        var given = new HashSet<string>(predictorNames, StringComparer.Ordinal);
        var expected = new HashSet<string>(PredictorNames, StringComparer.Ordinal);
        var missing = PredictorNames.Where(f => !given.Contains(f)).ToArray();
        var extra = predictorNames.Where(f => !expected.Contains(f)).ToArray();
        if (missing.Length == 0 && extra.Length == 0)
        {
            return;
        }

        var parts = new List<string>();
        if (missing.Length > 0)
        {
            parts.Add($"missing {string.Join(", ", missing)}");
        }

        if (extra.Length > 0)
        {
            parts.Add($"extra {string.Join(", ", extra)}");
        }

        throw new InvalidOperationException(
            $"The {Target} model (trained {TrainFrom:yyyy-MM-dd} to {TrainTo:yyyy-MM-dd}) does not match these predictors: "
            + $"{string.Join("; ", parts)}. Retrain the model on the current data.");
    }

    /// <summary>
    /// For each of the model's predictors in order, its index in <paramref name="predictorNames"/> (which must hold the
    /// same set, see <see cref="EnsureCompatible"/>), so rows in the data's order can be read in the model's.
    /// </summary>
    public int[] ColumnSources(IReadOnlyList<string> predictorNames)
    {
        EnsureCompatible(predictorNames);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < predictorNames.Count; i++)
        {
            index[predictorNames[i]] = i;
        }

        return [.. PredictorNames.Select(f => index[f])];
    }

    /// <summary>The probability and per-predictor contributions for an account's predictors (names must match).</summary>
    public ScoreExplanation Explain(AccountPredictors predictors)
    {
        ArgumentNullException.ThrowIfNull(predictors);
        return Explain([predictors])[0];
    }

    /// <summary>
    /// Scores the accounts with the ML.NET model in one pass (names must match): per account the calibrated
    /// probability, the raw logit and its exact per-predictor contributions.
    /// </summary>
    public IReadOnlyList<ScoreExplanation> Explain(IReadOnlyList<AccountPredictors> accounts)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        if (accounts.Count == 0)
        {
            return [];
        }

        var x = Matrix(accounts);
        var scores = Classifier.Score(x, explain: true);
        var result = new ScoreExplanation[accounts.Count];
        for (var r = 0; r < result.Length; r++)
        {
            var contributions = scores.Contributions![r];
            var byPredictor = new PredictorContribution[contributions.Length];
            double sum = 0;
            for (var c = 0; c < contributions.Length; c++)
            {
                byPredictor[c] = new PredictorContribution(PredictorNames[c], x[r, c], contributions[c]);
                sum += contributions[c];
            }

            // The logit explained is the exact sum (ML.NET's float Score agrees with it to float precision); the
            // probability users see is the calibrated one from the model's own calibrator.
            var logit = scores.Bias + sum;
            result[r] = new ScoreExplanation(LogisticRegression.Sigmoid(logit), logit, scores.Bias, byPredictor)
            {
                CalibratedProbability = scores.Probabilities[r],
            };
        }

        return result;
    }

    /// <summary>Calibrated probabilities for the accounts (names must match), without explanations.</summary>
    public double[] PredictProbabilities(IReadOnlyList<AccountPredictors> accounts)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        return accounts.Count == 0 ? [] : Classifier.Score(Matrix(accounts)).Probabilities;
    }

    /// <summary>The accounts' predictors in the model's column order.</summary>
    private PredictorMatrix Matrix(IReadOnlyList<AccountPredictors> accounts)
    {
        var sources = ColumnSources(accounts[0].Names);
        var values = new double[accounts.Count * sources.Length];
        for (var r = 0; r < accounts.Count; r++)
        {
            if (!ReferenceEquals(accounts[r].Names, accounts[0].Names) && !accounts[r].Names.SequenceEqual(accounts[0].Names, StringComparer.Ordinal))
            {
                sources = ColumnSources(accounts[r].Names);
            }

            for (var c = 0; c < sources.Length; c++)
            {
                values[(r * sources.Length) + c] = accounts[r].Values[sources[c]];
            }
        }

        return new PredictorMatrix(PredictorNames, values);
    }
}
