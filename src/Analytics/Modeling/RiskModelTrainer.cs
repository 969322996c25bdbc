using ChurnWatch.Analytics.Predictors;

namespace ChurnWatch.Analytics.Modeling;

/// <summary>Fits a <see cref="RiskModel"/> with one learner on chosen rows of an observation set and predicts other rows.</summary>
internal static class RiskModelTrainer
{
    /// <summary>Fits <paramref name="learner"/> on <paramref name="rows"/>, which must carry labels for <paramref name="target"/>.</summary>
    public static RiskModel Fit(
        ObservationSet set,
        PredictorSettings settings,
        int[] rows,
        ModelTarget target,
        string learner,
        ModelingOptions options,
        DateTime dataAsOf)
    {
        var labels = set.Labels(target);
        var y = rows.Select(r => (double)labels[r]).ToArray();
        var days = rows.Select(r => set.Day[r]).ToArray();
        // A sampled set trains with its weights; an unsampled one without, exactly as before sampling existed.
        var weights = set.IsWeighted ? rows.Select(r => (double)set.Weight[r]).ToArray() : null;
        // Streamed from the set's file: the rows are never copied into one array.
        var classifier = MlNet.MlNetLearners.Fit(learner, new MlNet.PredictorTable(set.Predictors, rows, y, weights), days, set.CountLike, options);
        return new RiskModel(
            RiskModel.CurrentFormatVersion,
            target,
            learner,
            dataAsOf,
            DateOnly.FromDayNumber(days.Min()),
            DateOnly.FromDayNumber(days.Max()),
            rows.Length,
            // The base rate the sample stands for: weighted, so sampling negatives does not inflate it.
            weights is null ? y.Average() : y.Zip(weights, (label, weight) => label * weight).Sum() / weights.Sum(),
            options.HorizonDays,
            options.GraceDays,
            options.RenewalWindowDays,
            settings,
            [.. set.PredictorNames],
            classifier,
            null);
    }

    /// <summary>The rows' predictors in memory, in the set's column order: for a bounded number of rows.</summary>
    public static PredictorMatrix Matrix(ObservationSet set, int[] rows) => set.Predictors.Select(rows);

    /// <summary>Raw (uncalibrated) logits for <paramref name="rows"/>, scored by the ML.NET model in one pass over the set's file.</summary>
    public static double[] PredictLogits(RiskModel model, ObservationSet set, int[] rows) =>
        model.Classifier.Score(new MlNet.PredictorTable(set.Predictors, rows), rows.Length, explain: false).Logits;
}
