namespace ChurnWatch.Analytics.Modeling.MlNet;

/// <summary>
/// Exact contributions of ML.NET's logistic regression: weight x prepared value per slot of the <c>Features</c>
/// vector (z-scored, log1p for counts, a 0/1 missing slot), summed per predictor; the bias is the model's intercept.
/// </summary>
internal sealed class LinearExplainer(float[] weights, float bias, int[] slotPredictors, int predictorCount) : IModelExplainer
{
    public double Explain(ReadOnlySpan<float> prepared, Span<double> contributions)
    {
        contributions.Clear();
        for (var s = 0; s < weights.Length; s++)
        {
            contributions[slotPredictors[s]] += (double)weights[s] * prepared[s];
        }

        return bias;
    }

    public int PredictorCount => predictorCount;
}
