namespace ChurnWatch.Analytics.Scoring;

/// <summary>
/// The one thing to do about an account at risk, chosen from its top reason: low adoption, offer training; urgent
/// tickets, escalate; failed payments, call the billing contact; falling usage with the renewal close, schedule a
/// review. Nothing is suggested where the reasons say nothing (no reason, or only reasons the account is safe).
/// </summary>
public static class NextSteps
{
    /// <summary>The suggested next step, or null when the reasons give none.</summary>
    /// <param name="reasons">The account's reasons, strongest first.</param>
    /// <param name="daysToRenewal">Days from the as-of date to the next renewal; null without a renewal date.</param>
    /// <param name="texts">The company's steps.</param>
    public static string? For(IReadOnlyList<ScoreReason> reasons, int? daysToRenewal, NextStepTexts texts)
    {
        ArgumentNullException.ThrowIfNull(reasons);
        ArgumentNullException.ThrowIfNull(texts);
        if (reasons.Count == 0 || reasons[0].IsProtective)
            return null;
        var topic = reasons[0].Topic;
        var usage = topic is ReasonTopic.ActiveUsers or ReasonTopic.Usage or ReasonTopic.Adoption or ReasonTopic.Activity;
        if (usage && daysToRenewal is >= 0 && daysToRenewal <= texts.RenewalWindowDays && !string.IsNullOrWhiteSpace(texts.RenewalReview))
            return texts.RenewalReview;
        return texts.ByTopic.TryGetValue(topic, out var step) && !string.IsNullOrWhiteSpace(step) ? step : null;
    }
}
