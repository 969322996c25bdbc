using System.Globalization;
using System.Text.Json;
using ChurnWatch.Analytics.Modeling;
using ChurnWatch.Analytics.Predictors;
using ChurnWatch.Worker.Pipeline;
using ChurnWatch.Worker.Store;
using Hangfire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChurnWatch.Worker.Scheduling;

/// <summary>
/// One batch of accounts of a step spread over the nodes (<see cref="ScoringFanOut"/>): reads the batch from the
/// store, scores it and gathers its activity, and records the result in <c>batch_results</c> for the step to collect.
/// Any node's batch server (queue <see cref="Queue"/>) may take it; a node killed mid-batch leaves it to another
/// (Hangfire's sliding invisibility timeout), which starts it again from the store. Hangfire stores this type's and
/// method's names with every job: keep both stable.
/// </summary>
[AutomaticRetry(Attempts = 0)]
internal sealed partial class BatchJob(
    HistoryStore historyStore,
    ModelStore modelStore,
    BatchResultStore results,
    AccountScoring scoring,
    SchedulerNode node,
    IOptions<ScheduleOptions> schedule,
    TimeProvider timeProvider,
    ILogger<BatchJob> logger)
{
    /// <summary>The Hangfire queue of batch jobs, served by each node's batch workers (Schedule:BatchWorkers).</summary>
    public const string Queue = "batches";

    /// <summary>How batch results and the company's shape travel as JSON: shortest round-trip numbers, so a result read back is bit for bit the one computed.</summary>
    internal static JsonSerializerOptions Json { get; } = new() { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    /// <summary>Scores one batch and records its result; throws (after recording why) when it cannot.</summary>
    /// <param name="work">What the batch is part of: the step's job name and the fan-out's key, its batch and accounts, the date, the models and the company's shape.</param>
    /// <param name="cancellationToken">Given by Hangfire: fires when the node stops.</param>
    [JobDisplayName("{0}")]
    [Queue(Queue)]
    public async Task RunAsync(BatchWork work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        await results.StartAsync(work.FanOut, work.Batch, node.Name, timeProvider.GetUtcNow().UtcDateTime, cancellationToken).ConfigureAwait(false);
        string result;
        try
        {
            var shape = JsonSerializer.Deserialize<CompanyShape>(work.ShapeJson, Json) ?? throw new InvalidOperationException("The batch job carries no company shape.");
            var models = new TrainedModels(await ModelAsync(work.ChurnModelId, cancellationToken).ConfigureAwait(false),
                work.RenewalModelId is { } renewal ? await ModelAsync(renewal, cancellationToken).ConfigureAwait(false) : null, null, null);
            var history = await historyStore.LoadBatchAsync(new AccountBatch(work.Batch, work.FirstAccountId, work.LastAccountId, 0), cancellationToken).ConfigureAwait(false);
            var asOf = DateOnly.ParseExact(work.AsOf, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var scored = scoring.ScoreBatch(CompanyTimeline.Build(history, shape), models, asOf, work.Needs);
            result = JsonSerializer.Serialize(scored, Json);
            if (schedule.Value.TestDelay > TimeSpan.Zero)
            {
                await Task.Delay(schedule.Value.TestDelay, timeProvider, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await results.FinishAsync(work.FanOut, work.Batch, succeeded: false, null, e.Message, timeProvider.GetUtcNow().UtcDateTime, CancellationToken.None).ConfigureAwait(false);
            LogFailed(logger, work.Job, work.Batch, e.Message);
            throw;
        }

        await results.FinishAsync(work.FanOut, work.Batch, succeeded: true, result, null, timeProvider.GetUtcNow().UtcDateTime, cancellationToken).ConfigureAwait(false);
        LogDone(logger, work.Job, work.Batch, work.FirstAccountId, work.LastAccountId);
    }

    private async Task<RiskModel> ModelAsync(string modelId, CancellationToken cancellationToken) =>
        RiskModelSerializer.Deserialize(await modelStore.GetAsync(modelId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Model {modelId} is not in the store (table models)."));

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {Job}: batch {Batch} ({First} to {Last}) done")]
    private static partial void LogDone(ILogger logger, string job, int batch, string first, string last);

    [LoggerMessage(Level = LogLevel.Error, Message = "Job {Job}: batch {Batch} failed: {Error}")]
    private static partial void LogFailed(ILogger logger, string job, int batch, string error);
}
