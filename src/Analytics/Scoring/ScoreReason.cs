using System.Text.Json.Serialization;

namespace ChurnWatch.Analytics.Scoring;

/// <summary>One driver of an account's score: a predictor's contribution to the logit, and the sentence that says it.</summary>
/// <param name="Predictor">The predictor's documented name (the strongest of those that say the same thing).</param>
/// <param name="Contribution">Contribution to the churn logit; positive raises risk, negative protects.</param>
/// <param name="Sentence">Plain words with the real values, for example "Weekly active users fell from 24 to 7".</param>
/// <param name="Topic">What the driver is about; reasons are always behaviour (see <see cref="ReasonTopic"/>).</param>
public sealed record ScoreReason(string Predictor, double Contribution, string Sentence, ReasonTopic Topic = ReasonTopic.Usage)
{
    /// <summary>The driver lowers the risk: a reason the account is safe ("usage up 30%"), not a warning.</summary>
    public bool IsProtective => Contribution < 0;

    /// <summary>
    /// Reads the predictor's name from a reason stored (JSON in the store's scores) before model inputs were called
    /// predictors, when the property was <c>Feature</c>; never written.
    /// </summary>
    [JsonInclude]
    [JsonPropertyName("Feature")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    private string? StoredBeforePredictorRename
    {
        get => null;
        init
        {
            if (value is not null)
            {
                Predictor = value;
            }
        }
    }
}
