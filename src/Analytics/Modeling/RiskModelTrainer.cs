using ChurnWatch.Analytics.Features;

namespace ChurnWatch.Analytics.Modeling;

/// <summary>Fits a <see cref="RiskModel"/> with one learner on chosen rows of an observation set and predicts other rows.</summary>
internal static class RiskModelTrainer
{
    /// <summary>Fits <paramref name="learner"/> on <paramref name="rows"/>, which must carry labels for <paramref name="target"/>.</summary>
    public static RiskModel Fit(
        ObservationSet set,
        FeatureSettings settings,
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
        var classifier = MlNet.MlNetLearners.Fit(learner, Matrix(set, rows), y, days, set.CountLike, options, weights);
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
            [.. set.FeatureNames],
            classifier,
            null);
    }

    /// <summary>The rows' features as a learner's input, in the set's column order.</summary>
    public static FeatureMatrix Matrix(ObservationSet set, int[] rows)
    {
        var width = set.FeatureCount;
        var values = new double[rows.Length * width];
        for (var i = 0; i < rows.Length; i++)
        {
            set.Row(rows[i]).CopyTo(values.AsSpan(i * width, width));
        }

        return new FeatureMatrix(set.FeatureNames, values);
    }

    /// <summary>Raw (uncalibrated) logits for <paramref name="rows"/>, scored by the ML.NET model in one pass.</summary>
    public static double[] PredictLogits(RiskModel model, ObservationSet set, int[] rows) =>
        model.Classifier.Score(Matrix(set, rows)).Logits;
}
