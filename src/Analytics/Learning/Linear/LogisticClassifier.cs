using ChurnWatch.Analytics.Modeling;

namespace ChurnWatch.Analytics.Learning.Linear;

/// <summary>
/// L2-regularised logistic regression on standardised columns. A missing value is replaced by the column's training
/// mean (so it contributes nothing) and flagged in a missing-indicator term of its own, folded into the column's
/// contribution so each column explains itself.
/// </summary>
public sealed record LogisticClassifier(
    IReadOnlyList<string> ColumnNames,
    IReadOnlyList<double> Means,
    IReadOnlyList<double> Scales,
    IReadOnlyList<bool> LogScaled,
    IReadOnlyList<double> Coefficients,
    IReadOnlyList<double> MissingCoefficients,
    double Intercept) : IBinaryClassifier
{
    public string Learner => LogisticLearner.LearnerName;

    public double PredictLogit(ReadOnlySpan<double> row)
    {
        var logit = Intercept;
        for (var c = 0; c < ColumnNames.Count; c++)
        {
            logit += Term(c, row[c]);
        }

        return logit;
    }

    public double[] Contributions(ReadOnlySpan<double> row, out double bias)
    {
        bias = Intercept;
        var contributions = new double[ColumnNames.Count];
        for (var c = 0; c < contributions.Length; c++)
        {
            contributions[c] = Term(c, row[c]);
        }

        return contributions;
    }

    internal double Standardise(int column, double value) =>
        double.IsNaN(value) ? 0 : ((LogScaled[column] ? SignedLog1p(value) : value) - Means[column]) / Scales[column];

    /// <summary>log(1 + v) for v >= 0 and its mirror -log(1 - v) below: a log scale that keeps the sign of a change.</summary>
    internal static double SignedLog1p(double value) => value >= 0 ? Math.Log(1 + value) : -Math.Log(1 - value);

    private double Term(int column, double value) =>
        double.IsNaN(value) ? MissingCoefficients[column] : Coefficients[column] * Standardise(column, value);

    /// <summary>The probability, from the raw logit.</summary>
    public double PredictProbability(ReadOnlySpan<double> row) => LogisticRegression.Sigmoid(PredictLogit(row));
}
