namespace ChurnWatch.Analytics.Modeling.MlNet;

/// <summary>Per-feature contributions of one prepared row that add up, with the returned bias, to the row's logit.</summary>
internal interface IModelExplainer
{
    int PredictorCount { get; }

    /// <summary>Writes one contribution per feature and returns the bias.</summary>
    double Explain(ReadOnlySpan<float> prepared, Span<double> contributions);
}
