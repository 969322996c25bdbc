using ChurnWatch.Analytics.Features;

namespace ChurnWatch.Analytics.Modeling;

/// <summary>
/// A trained, self-describing risk model: what it predicts, on which features and window it was trained, how each
/// feature is standardised, its coefficients, and its backtest. Serialise with <see cref="RiskModelSerializer"/>.
/// </summary>
/// <param name="FormatVersion">JSON format version (<see cref="CurrentFormatVersion"/>).</param>
/// <param name="Target">What the model predicts.</param>
/// <param name="Learner">The learning method, for example <c>logistic_regression_l2</c>.</param>
/// <param name="DataAsOf">The data's as-of instant at training.</param>
/// <param name="TrainFrom">First observation date in training.</param>
/// <param name="TrainTo">Last observation date in training.</param>
/// <param name="TrainRows">Labelled rows trained on.</param>
/// <param name="TrainBaseRate">Share of positive labels in training.</param>
/// <param name="HorizonDays">Churn horizon of the labels.</param>
/// <param name="GraceDays">Grace period of the labels.</param>
/// <param name="RenewalWindowDays">Renewal window of the renewal labels.</param>
/// <param name="L2Strength">Regularisation used.</param>
/// <param name="Iterations">Optimiser iterations.</param>
/// <param name="FeatureSettings">The definitions behind the features, reused when scoring.</param>
/// <param name="FeatureNames">The raw features the model needs, in training column order.</param>
/// <param name="Intercept">Logit intercept.</param>
/// <param name="Columns">Design columns with their standardisation and coefficients.</param>
/// <param name="Backtest">The time-split backtest of this learner on this target, when there was enough history.</param>
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
    double L2Strength,
    int Iterations,
    FeatureSettings FeatureSettings,
    IReadOnlyList<string> FeatureNames,
    double Intercept,
    IReadOnlyList<ModelColumn> Columns,
    BacktestReport? Backtest)
{
    /// <summary>The JSON format this code writes and reads.</summary>
    public const int CurrentFormatVersion = 1;

    /// <summary>The learner name of L2 logistic regression.</summary>
    public const string LogisticRegressionLearner = "logistic_regression_l2";

    /// <summary>
    /// Maps the raw probability to a calibrated one; fitted on the backtest's test period, which the model that made
    /// those predictions never saw. Null when there was no backtest to fit it on.
    /// </summary>
    public ChurnWatch.Analytics.Learning.Calibration.ProbabilityCalibration? Calibration { get; init; }

    /// <summary>The calibrated probability for a raw one (the raw one when the model has no calibration).</summary>
    public double Calibrate(double rawProbability) =>
        Calibration is null ? rawProbability : ChurnWatch.Analytics.Learning.Calibration.Calibrators.FromRecord(Calibration).Calibrate(rawProbability);

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

    /// <summary>The probability and per-feature contributions for an account's features (names must match).</summary>
    public ScoreExplanation Explain(AccountFeatures features)
    {
        ArgumentNullException.ThrowIfNull(features);
        EnsureCompatible(features.Names);
        var sources = Standardiser.SourceIndexes(features.Names, Columns);
        return Explain(i => features.Values[i], sources);
    }

    internal ScoreExplanation Explain(Func<int, double> raw, int[] sources)
    {
        var byFeature = new Dictionary<string, double>(StringComparer.Ordinal);
        var logit = Intercept;
        for (var c = 0; c < Columns.Count; c++)
        {
            var column = Columns[c];
            var contribution = column.Coefficient * column.Standardise(raw(sources[c]));
            logit += contribution;
            byFeature[column.Feature] = byFeature.GetValueOrDefault(column.Feature) + contribution;
        }

        var contributions = new List<FeatureContribution>(FeatureNames.Count);
        foreach (var feature in FeatureNames)
        {
            var source = sources[IndexOfColumnFor(feature)];
            contributions.Add(new FeatureContribution(feature, raw(source), byFeature.GetValueOrDefault(feature)));
        }

        return new ScoreExplanation(LogisticRegression.Sigmoid(logit), logit, Intercept, contributions);
    }

    private int IndexOfColumnFor(string feature)
    {
        for (var c = 0; c < Columns.Count; c++)
        {
            if (string.Equals(Columns[c].Feature, feature, StringComparison.Ordinal))
            {
                return c;
            }
        }

        throw new InvalidOperationException($"Model has no column for feature '{feature}'.");
    }
}
