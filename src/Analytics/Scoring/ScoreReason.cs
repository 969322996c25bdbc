namespace ChurnWatch.Analytics.Scoring;

/// <summary>One driver of an account's score: a feature's contribution to the logit, and the sentence that says it.</summary>
/// <param name="Feature">The feature's documented name.</param>
/// <param name="Contribution">Contribution to the churn logit; positive raises risk.</param>
/// <param name="Sentence">Plain words with the real values, for example "Weekly active users fell from 24 to 7".</param>
public sealed record ScoreReason(string Feature, double Contribution, string Sentence);
