namespace ChurnWatch.Analytics.Scoring;

/// <summary>One driver of an account's score: a feature's contribution to the logit, and the sentence that says it.</summary>
/// <param name="Feature">The feature's documented name (the strongest of those that say the same thing).</param>
/// <param name="Contribution">Contribution to the churn logit; positive raises risk, negative protects.</param>
/// <param name="Sentence">Plain words with the real values, for example "Weekly active users fell from 24 to 7".</param>
/// <param name="Topic">What the driver is about; reasons are always behaviour (see <see cref="ReasonTopic"/>).</param>
public sealed record ScoreReason(string Feature, double Contribution, string Sentence, ReasonTopic Topic = ReasonTopic.Usage)
{
    /// <summary>The driver lowers the risk: a reason the account is safe ("usage up 30%"), not a warning.</summary>
    public bool IsProtective => Contribution < 0;
}
