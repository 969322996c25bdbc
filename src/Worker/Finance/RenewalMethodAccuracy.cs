using ChurnWatch.Analytics.Forecasting;

namespace ChurnWatch.Worker.Finance;

/// <summary>One way of forecasting renewed ARR and how it did in the backtest at one lead time, as the outputs list them.</summary>
/// <param name="Method">The method in words: <c>model</c>, <c>trailing rate</c>, <c>everything renews</c>.</param>
/// <param name="Accuracy">Its expected renewed ARR, mean absolute error and bias.</param>
/// <param name="Coverage">
/// Share of months inside P10-P90: the forecast given's over the months it had a range (sized from past errors), the
/// model's over its range of independent renewals; the baselines have none.
/// </param>
internal sealed record RenewalMethodAccuracy(string Method, ForecastAccuracy Accuracy, double? Coverage)
{
    /// <summary>The forecast finance is handed: the model and the trailing rate combined, or the trailing rate alone where too few months had settled before the date.</summary>
    public const string Given = "forecast given";
    public const string Model = "model";
    public const string TrailingRate = "trailing rate";
    public const string EverythingRenews = "everything renews";

    /// <summary>The forecast given (when the summary has it), the model, then each baseline the summary has, in that order.</summary>
    public static IReadOnlyList<RenewalMethodAccuracy> Of(RenewalBacktestSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        List<RenewalMethodAccuracy> methods = [];
        if (summary.Calibrated is { } given)
            methods.Add(new(Given, given.Accuracy, given.Coverage));
        methods.Add(new(Model, summary.Model, summary.Coverage));
        if (summary.TrailingRate is { } trailing)
            methods.Add(new(TrailingRate, trailing, null));
        if (summary.EverythingRenews is { } everything)
            methods.Add(new(EverythingRenews, everything, null));
        return methods;
    }
}
