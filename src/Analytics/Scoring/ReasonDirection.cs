using ChurnWatch.Analytics.Predictors;

namespace ChurnWatch.Analytics.Scoring;

/// <summary>
/// Whether a driver's words say the opposite of its effect: "usage events rose 30%" given as raising the risk, "1.5
/// times the median of retained accounts" as a risk, "none" as keeping an account safe. A model can find such effects
/// (correlated predictors share one signal between them, trees combine predictors), and the contribution is exact, but an
/// account manager reads the words: shown, they would teach the wrong lesson, so such a driver is not given as a reason.
/// </summary>
internal static class ReasonDirection
{
    public static bool Contradicts(string predictor, AccountPredictors values, PredictorSettings settings, RetainedLevels levels, bool raisesRisk)
    {
        if (ReasonWriter.Comparison(predictor, values, settings, levels) is { } c)
            return RetainedLevels.Contradicts(c.Predictor, c.Value, c.Median, raisesRisk);
        var (good, bad) = Says(predictor, values, settings);
        return raisesRisk ? good : bad;
    }

    /// <summary>
    /// Whether the sentence reads as good news or bad: a trend that rose or fell (weekly active users, usage events,
    /// MRR), seats mostly in use or "only" a few, every key feature adopted or "only" some.
    /// </summary>
    private static (bool Good, bool Bad) Says(string predictor, AccountPredictors values, PredictorSettings settings)
    {
        switch (ReasonWriter.DriverOf(predictor))
        {
            case PredictorNames.Wau4w:
                // Compared as the sentence words it: to one decimal.
                var now = Math.Round(values[PredictorNames.Wau4w], 1);
                var before = Math.Round(values[PredictorNames.WauPrev8w], 1);
                return (now > before, now < before);
            case PredictorNames.EventsChange:
            case PredictorNames.MrrChange90d:
                var change = values[predictor];
                return (change > 0, change < 0);
            case PredictorNames.SeatUtilisation:
                var used = values[predictor];
                return (used >= ReasonWriter.SeatsMostlyUsed, used < ReasonWriter.SeatsFewUsed);
            case PredictorNames.KeyFeaturesAdopted:
                var total = settings.KeyFeatures.Distinct(StringComparer.Ordinal).Count();
                return (values[predictor] >= total, values[predictor] < total);
            default:
                return (false, false);
        }
    }
}
