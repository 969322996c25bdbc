using ChurnWatch.Worker.Pipeline;

namespace ChurnWatch.Worker.Scheduling;

/// <summary>What a <see cref="BatchJob"/> works on; Hangfire stores it with the job as JSON.</summary>
/// <param name="Job">The step the batch is part of (score, signals, reports).</param>
/// <param name="FanOut">The key of the step's fan-out in <c>batch_results</c>.</param>
/// <param name="Batch">The batch's number.</param>
/// <param name="FirstAccountId">Its first account identifier.</param>
/// <param name="LastAccountId">Its last account identifier (inclusive).</param>
/// <param name="AsOf">The scoring date, yyyy-MM-dd.</param>
/// <param name="ChurnModelId">The churn model's id in the store.</param>
/// <param name="RenewalModelId">The renewal model's id, or null without one.</param>
/// <param name="Needs">What else to return: each account's model inputs, what moved each score.</param>
/// <param name="ShapeJson">The company's shape (JSON), so every batch builds the same predictor columns without reading it again.</param>
internal sealed record BatchWork(
    string Job,
    string FanOut,
    int Batch,
    string FirstAccountId,
    string LastAccountId,
    string AsOf,
    string ChurnModelId,
    string? RenewalModelId,
    ScoringNeeds Needs,
    string ShapeJson)
{
    /// <summary>How the Hangfire dashboard names the job.</summary>
    public override string ToString() => $"{Job} batch {Batch} ({FirstAccountId} to {LastAccountId})";
}
