namespace ChurnWatch.Analytics.Scoring;

/// <summary>The suggested next steps a company has chosen, by what the account's top reason is about.</summary>
/// <param name="ByTopic">The step for a top reason of each behavioural topic; a topic without one (or with an empty one) suggests nothing.</param>
/// <param name="RenewalReview">The step when usage or adoption is the top reason and the renewal is due within the window.</param>
/// <param name="RenewalWindowDays">How close a renewal must be for <paramref name="RenewalReview"/>.</param>
public sealed record NextStepTexts(IReadOnlyDictionary<ReasonTopic, string> ByTopic, string RenewalReview, int RenewalWindowDays);
