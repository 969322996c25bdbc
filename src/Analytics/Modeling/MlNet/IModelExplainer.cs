namespace ChurnWatch.Analytics.Modeling.MlNet;

/// <summary>Per-predictor contributions of one prepared row that add up, with the returned bias, to the row's logit.</summary>
internal interface IModelExplainer
{
    int PredictorCount { get; }

    /// <summary>Writes one contribution per predictor and returns the bias.</summary>
    double Explain(ReadOnlySpan<float> prepared, Span<double> contributions);
}
