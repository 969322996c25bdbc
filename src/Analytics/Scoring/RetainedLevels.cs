using System.Globalization;
using ChurnWatch.Analytics.Predictors;

namespace ChurnWatch.Analytics.Scoring;

/// <summary>
/// What accounts that stayed look like: per plan, the median of each level a reason states (usage events, a product
/// feature's events, features used, weekly active users, tickets opened, resolution days, CSAT), over the training rows
/// of the last quarter whose account did not churn within the horizon. A reason compares the account with them
/// ("12 events of feature comments in the last 28 days (about a tenth of the median of retained Business accounts,
/// 140)"), because a bare count says nothing about whether it is a lot. Learned with the model and stored in its file,
/// so every batch of accounts is compared with the same company-wide reference.
/// </summary>
/// <param name="Medians">Per plan name (and <see cref="AllPlans"/>), per predictor, the retained accounts' median.</param>
/// <param name="Rows">Per plan name (and <see cref="AllPlans"/>), the retained rows the medians came from.</param>
public sealed record RetainedLevels(
    IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> Medians,
    IReadOnlyDictionary<string, int> Rows)
{
    /// <summary>The key of the medians over every plan, used where a plan has too few retained rows.</summary>
    public const string AllPlans = "";

    /// <summary>
    /// Retained rows a plan needs before its own median is used: fewer, and one plan's handful of accounts would speak
    /// for all of them, so the medians over every plan stand in.
    /// </summary>
    public const int MinimumRows = 30;

    /// <summary>The share of the median from which a volume reads "about the median".</summary>
    public const double AboutTheMedianFrom = 0.87;

    /// <summary>The share of the median up to which a volume reads "about the median".</summary>
    public const double AboutTheMedianTo = 1.15;

    /// <summary>No reference: sentences state levels without comparison (a model file from before the comparison).</summary>
    public static RetainedLevels None { get; } = new(new Dictionary<string, IReadOnlyDictionary<string, double>>(), new Dictionary<string, int>());

    /// <summary>
    /// Whether <paramref name="predictor"/> is a level that needs a comparison to mean anything. Trends ("fell from 24 to
    /// 7"), shares ("7 of 20 seats") and facts that are a problem whatever other accounts do (an invoice past due, a
    /// failed payment, an urgent ticket open, an SLA breach, days without activity) carry their own yardstick.
    /// </summary>
    public static bool IsLevel(string predictor)
    {
        ArgumentNullException.ThrowIfNull(predictor);
        return predictor is PredictorNames.Events28d or PredictorNames.EventsPerUser28d or PredictorNames.FeatureBreadth28d
                   or PredictorNames.Wau4w or PredictorNames.TicketsOpened90d or PredictorNames.MedianDaysToResolve180d
                   or PredictorNames.CsatAvg180d
               || (predictor.StartsWith(PredictorNames.UsagePrefix, StringComparison.Ordinal) && predictor.EndsWith(PredictorNames.UsageSuffix, StringComparison.Ordinal));
    }

    /// <summary>
    /// Whether a level is a volume (events, users, features, tickets), compared as a share or multiple of the median;
    /// the others (days to resolve, CSAT) are on a scale where "twice the median" means nothing, so only the median is given.
    /// </summary>
    public static bool IsVolume(string predictor) => IsLevel(predictor) && predictor is not (PredictorNames.MedianDaysToResolve180d or PredictorNames.CsatAvg180d);

    /// <summary>Whether more of <paramref name="predictor"/> is what retained accounts do (usage), rather than a sign of trouble (tickets, slow resolution).</summary>
    public static bool MoreIsSafer(string predictor) => predictor is not (PredictorNames.TicketsOpened90d or PredictorNames.MedianDaysToResolve180d);

    /// <summary>The reference for an account on <paramref name="plan"/>: its plan's median when the plan has enough retained rows, else every plan's.</summary>
    /// <returns>The median and who it describes ("retained Business accounts"), or null when there is no reference.</returns>
    public (double Median, string Who)? For(string predictor, string? plan)
    {
        if (plan is not null && Rows.TryGetValue(plan, out var rows) && rows >= MinimumRows
            && Medians.TryGetValue(plan, out var ofPlan) && ofPlan.TryGetValue(predictor, out var median) && double.IsFinite(median))
        {
            return (median, $"retained {plan} accounts");
        }

        return Medians.TryGetValue(AllPlans, out var all) && all.TryGetValue(predictor, out var overall) && double.IsFinite(overall)
            ? (overall, "retained accounts")
            : null;
    }

    /// <summary>
    /// The comparison in words, in brackets: "(about a tenth of the median of retained Business accounts, 140)" for a
    /// volume, "(retained Business accounts: median 4.5)" for a scale or where the median is 0.
    /// </summary>
    public static string Phrase(string predictor, double value, double median, string who)
    {
        var m = N(median);
        if (!IsVolume(predictor) || median <= 0 || double.IsNaN(value))
        {
            return $"({who}: median {m})";
        }

        var ratio = value / median;
        return ratio switch
        {
            0 => $"({who}: median {m})",
            < 0.07 => $"(under a tenth of the median of {who}, {m})",
            < 0.15 => $"(about a tenth of the median of {who}, {m})",
            < 0.23 => $"(about a fifth of the median of {who}, {m})",
            < 0.29 => $"(about a quarter of the median of {who}, {m})",
            < 0.42 => $"(about a third of the median of {who}, {m})",
            < 0.58 => $"(about half the median of {who}, {m})",
            < 0.7 => $"(about two thirds of the median of {who}, {m})",
            < AboutTheMedianFrom => $"(about three quarters of the median of {who}, {m})",
            <= AboutTheMedianTo => $"(about the median of {who}, {m})",
            < 1.75 => $"(about 1.5 times the median of {who}, {m})",
            < 2.5 => $"(about twice the median of {who}, {m})",
            _ => $"(about {Math.Round(ratio, 0, MidpointRounding.AwayFromZero).ToString("0", CultureInfo.InvariantCulture)} times the median of {who}, {m})",
        };
    }

    /// <summary>
    /// True when the words would contradict the direction of the driver: usage above what retained accounts do given as
    /// raising the risk, or below it given as keeping the account safe (and the reverse for tickets). The model can
    /// find such effects (correlated predictors, interactions), but an account manager reading "1.5 times the median" as
    /// a risk would be misled, so the reason is not shown. Above or below means beyond what the words call "about the
    /// median" (15%) for volumes, 10% for scales; no use at all is never safe.
    /// </summary>
    public static bool Contradicts(string predictor, double value, double median, bool raisesRisk)
    {
        if (double.IsNaN(value) || double.IsNaN(median))
        {
            return false;
        }

        var (high, low) = IsVolume(predictor) ? (median * AboutTheMedianTo, median * AboutTheMedianFrom) : (median * 1.1, median * 0.9);
        // Not using a product feature at all is never, in words, why an account is safe.
        var safeSide = MoreIsSafer(predictor) ? value > high && value > 0 : value < low;
        var riskySide = MoreIsSafer(predictor) ? value < low || (IsVolume(predictor) && value <= 0) : value > high && value > 0;
        return raisesRisk ? safeSide : riskySide;
    }

    private static string N(double v) => Math.Round(v, 1).ToString("0.#", CultureInfo.InvariantCulture);
}
