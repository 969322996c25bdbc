using ChurnWatch.Analytics.Features;

namespace ChurnWatch.Analytics.Modeling;

/// <summary>Fits a <see cref="RiskModel"/> on chosen rows of an observation set and predicts other rows.</summary>
internal static class RiskModelTrainer
{
    /// <summary>Fits on <paramref name="rows"/>, which must carry labels for <paramref name="target"/>.</summary>
    public static RiskModel Fit(
        ObservationSet set,
        FeatureSchema schema,
        FeatureSettings settings,
        int[] rows,
        ModelTarget target,
        ModelingOptions options,
        DateTime dataAsOf,
        BacktestReport? backtest)
    {
        var columns = Standardiser.Fit(set, schema.Definitions, rows);
        var design = Standardiser.Transform(set, columns, rows);
        var labels = set.Labels(target);
        var y = new double[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            y[i] = labels[rows[i]];
        }

        var fit = LogisticRegression.Fit(design, rows.Length, columns.Length, y, options.L2Strength);
        var fitted = new ModelColumn[columns.Length];
        for (var c = 0; c < columns.Length; c++)
        {
            fitted[c] = columns[c] with { Coefficient = fit.Coefficients[c] };
        }

        var days = rows.Select(r => set.Day[r]).ToArray();
        return new RiskModel(
            RiskModel.CurrentFormatVersion,
            target,
            RiskModel.LogisticRegressionLearner,
            dataAsOf,
            DateOnly.FromDayNumber(days.Min()),
            DateOnly.FromDayNumber(days.Max()),
            rows.Length,
            y.Average(),
            options.HorizonDays,
            options.GraceDays,
            options.RenewalWindowDays,
            options.L2Strength,
            fit.Iterations,
            settings,
            [.. set.FeatureNames],
            fit.Intercept,
            fitted,
            backtest);
    }

    /// <summary>Predicted probabilities for <paramref name="rows"/>.</summary>
    public static double[] Predict(RiskModel model, ObservationSet set, int[] rows)
    {
        var sources = Standardiser.SourceIndexes(set.FeatureNames, model.Columns);
        var width = set.FeatureCount;
        var result = new double[rows.Length];
        Parallel.For(0, rows.Length, i =>
        {
            var offset = rows[i] * width;
            var logit = model.Intercept;
            for (var c = 0; c < model.Columns.Count; c++)
            {
                var column = model.Columns[c];
                logit += column.Coefficient * column.Standardise(set.Features[offset + sources[c]]);
            }

            result[i] = LogisticRegression.Sigmoid(logit);
        });
        return result;
    }
}
