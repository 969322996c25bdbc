namespace ChurnWatch.Analytics.Scoring.Evaluation;

/// <summary>
/// The one place that says which <see cref="ReasonGroup"/> a score's first shown reason falls in, and what the group is
/// called in the replay's tables.
/// </summary>
public static class ReasonGroups
{
    /// <summary>
    /// The group of <paramref name="score"/>'s first shown reason (its strongest). A <em>usage drop</em> is a first
    /// reason that raises the risk and is about <see cref="ReasonTopic.ActiveUsers"/>, <see cref="ReasonTopic.Usage"/>,
    /// <see cref="ReasonTopic.Adoption"/> or <see cref="ReasonTopic.Activity"/>: falling or low use, whether the sentence
    /// gives a fall ("Weekly active users fell from 24 to 7") or a low level ("0 events of feature workflows"), since
    /// the model raises the risk for either. Support is <see cref="ReasonTopic.Support"/>; billing is
    /// <see cref="ReasonTopic.Billing"/> and <see cref="ReasonTopic.Revenue"/> (the subscription shrank). A protective
    /// first reason, or none, raises nothing: the account's reasons say why it is safe, or say nothing.
    /// </summary>
    public static ReasonGroup Of(AccountScore score)
    {
        ArgumentNullException.ThrowIfNull(score);
        if (score.Reasons.Count == 0 || score.Reasons[0].IsProtective)
        {
            return ReasonGroup.NoneRaising;
        }

        return score.Reasons[0].Topic switch
        {
            ReasonTopic.ActiveUsers or ReasonTopic.Usage or ReasonTopic.Adoption or ReasonTopic.Activity => ReasonGroup.UsageDrop,
            ReasonTopic.Support => ReasonGroup.Support,
            ReasonTopic.Billing or ReasonTopic.Revenue => ReasonGroup.Billing,
            // Structure is never a reason, and a topic added later is not silently counted as a usage drop.
            _ => ReasonGroup.Other,
        };
    }

    /// <summary>The group's name in the replay's tables ("usage drop").</summary>
    public static string Name(ReasonGroup group) => group switch
    {
        ReasonGroup.UsageDrop => "usage drop",
        ReasonGroup.Support => "support",
        ReasonGroup.Billing => "billing",
        ReasonGroup.NoneRaising => "none raising",
        _ => "other",
    };
}
