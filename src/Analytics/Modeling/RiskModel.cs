using ChurnWatch.Analytics.Features;
using ChurnWatch.Analytics.Learning;
using ChurnWatch.Analytics.Learning.Calibration;

namespace ChurnWatch.Analytics.Modeling;

/// <summary>
/// A trained, self-describing risk model: what it predicts, on which features and window it was trained, the learner
/// that won the backtest and its fitted classifier, the calibration map, every candidate's backtest and the features
/// it leans on. Serialise with <see cref="RiskModelSerializer"/>.
/// </summary>
/// <param name="FormatVersion">JSON format version (<see cref="CurrentFormatVersion"/>).</param>
/// <param name="Target">What the model predicts.</param>
/// <param name="Learner">The learner chosen by the backtest, for example <c>gradient_boosted_trees</c>.</param>
/// <param name="DataAsOf">The data's as-of instant at training.</param>
/// <param name="TrainFrom">First observation date in training.</param>
/// <param name="TrainTo">Last observation date in training.</param>
/// <param name="TrainRows">Labelled rows trained on.</param>
/// <param name="TrainBaseRate">Share of positive labels in training.</param>
/// <param name="HorizonDays">Churn horizon of the labels.</param>
/// <param name="GraceDays">Grace period of the labels.</param>
/// <param name="RenewalWindowDays">Renewal window of the renewal labels.</param>
/// <param name="FeatureSettings">The definitions behind the features, reused when scoring.</param>
/// <param name="FeatureNames">The features the model needs, in the classifier's column order.</param>
/// <param name="Classifier">The fitted classifier (its JSON <c>kind</c> names the learner).</param>
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
    FeatureSettings FeatureSettings,
    IReadOnlyList<string> FeatureNames,
    IBinaryClassifier Classifier,
    BacktestReport? Backtest)
{
    /// <summary>The JSON format this code writes and reads (2: any learner; 1 held only logistic regression).</summary>
    public const int CurrentFormatVersion = 2;

    /// <summary>The learner name of L2 logistic regression.</summary>
    public const string LogisticRegressionLearner = Learning.Linear.LogisticLearner.LearnerName;

    /// <summary>The learner name of gradient-boosted trees.</summary>
    public const string GradientBoostedTreesLearner = Learning.Trees.TreesLearner.LearnerName;

    /// <summary>
    /// Maps the raw probability to a calibrated one; fitted on the backtest's test period, which the model that made
    /// those predictions never saw. Null when there was no backtest to fit it on, or no map did better than none.
    /// </summary>
    public ProbabilityCalibration? Calibration { get; init; }

    /// <summary>The backtest of every learner that competed, the chosen one included, in the order they were tried.</summary>
    public IReadOnlyList<BacktestReport> Candidates { get; init; } = [];

    /// <summary>
    /// What the chosen learner leans on, most first: mean |contribution| and the AUC lost when a feature is shuffled,
    /// both measured on the backtest's test period. Empty without a backtest.
    /// </summary>
    public IReadOnlyList<FeatureImportance> Importance { get; init; } = [];

    /// <summary>The calibrated probability for a raw one (the raw one when the model has no calibration).</summary>
    public double Calibrate(double rawProbability) =>
        Calibration is null ? rawProbability : Calibrators.FromRecord(Calibration).Calibrate(rawProbability);

    /// <summary>The ChurnWatch version that trained the model, so a model file says which code made it.</summary>
    public string ChurnWatchVersion { get; init; } = CurrentChurnWatchVersion;

    /// <summary>This build's version (the assembly's informational version, without source-control suffix).</summary>
    public static string CurrentChurnWatchVersion { get; } =
        (typeof(RiskModel).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion ?? "0.0.0").Split('+')[0];

    /// <summary>
    /// Throws <see cref="InvalidOperationException"/> naming the missing and extra features when
    /// <paramref name="featureNames"/> is not the set this model was trained on.
    /// </summary>
    public void EnsureCompatible(IReadOnlyList<string> featureNames)
    {
        ArgumentNullException.ThrowIfNull(featureNames);
        var given = new HashSet<string>(featureNames, StringComparer.Ordinal);
        var expected = new HashSet<string>(FeatureNames, StringComparer.Ordinal);
        var missing = FeatureNames.Where(f => !given.Contains(f)).ToArray();
        var extra = featureNames.Where(f => !expected.Contains(f)).ToArray();
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
            $"The {Target} model (trained {TrainFrom:yyyy-MM-dd} to {TrainTo:yyyy-MM-dd}) does not match these features: "
            + $"{string.Join("; ", parts)}. Retrain the model on the current data.");
    }

    /// <summary>
    /// For each of the model's features in order, its index in <paramref name="featureNames"/> (which must hold the
    /// same set, see <see cref="EnsureCompatible"/>), so rows in the data's order can be read in the model's.
    /// </summary>
    public int[] ColumnSources(IReadOnlyList<string> featureNames)
    {
        EnsureCompatible(featureNames);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < featureNames.Count; i++)
        {
            index[featureNames[i]] = i;
        }

        return [.. FeatureNames.Select(f => index[f])];
    }

    /// <summary>The raw (uncalibrated) probability for an account's features (names must match).</summary>
    public double PredictRawProbability(AccountFeatures features)
    {
        ArgumentNullException.ThrowIfNull(features);
        return PredictRawProbability(features.Values, ColumnSources(features.Names));
    }

    /// <summary>The probability and per-feature contributions for an account's features (names must match).</summary>
    public ScoreExplanation Explain(AccountFeatures features)
    {
        ArgumentNullException.ThrowIfNull(features);
        return Explain(features.Values, ColumnSources(features.Names));
    }

    internal double PredictRawProbability(IReadOnlyList<double> values, int[] sources)
    {
        Span<double> row = stackalloc double[sources.Length];
        Fill(row, values, sources);
        return LogisticRegression.Sigmoid(Classifier.PredictLogit(row));
    }

    internal ScoreExplanation Explain(IReadOnlyList<double> values, int[] sources)
    {
        var row = new double[sources.Length];
        Fill(row, values, sources);
        // The logit is the classifier's own prediction; the contributions add up to it (exactly, up to rounding):
        // coefficient x standardised value for the linear model, TreeSHAP values for trees.
        var logit = Classifier.PredictLogit(row);
        var contributions = Classifier.Contributions(row, out var bias);
        var byFeature = new FeatureContribution[row.Length];
        for (var c = 0; c < row.Length; c++)
        {
            byFeature[c] = new FeatureContribution(FeatureNames[c], row[c], contributions[c]);
        }

        return new ScoreExplanation(LogisticRegression.Sigmoid(logit), logit, bias, byFeature);
    }

    private static void Fill(Span<double> row, IReadOnlyList<double> values, int[] sources)
    {
        for (var c = 0; c < sources.Length; c++)
        {
            row[c] = values[sources[c]];
        }
    }
}
