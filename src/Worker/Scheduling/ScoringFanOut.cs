using System.Globalization;
using System.Text.Json;
using ChurnWatch.Analytics.Modeling;
using ChurnWatch.Worker.Configuration;
using ChurnWatch.Worker.Pipeline;
using ChurnWatch.Worker.Store;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChurnWatch.Worker.Scheduling;

/// <summary>
/// The per-account work of the score, signals and reports jobs (scores, activity, model inputs), spread over every
/// node of a PostgreSQL or SQL Server store: one <see cref="BatchJob"/> per batch of accounts, which any node's batch
/// workers take, then, once every batch succeeded, their results gathered in batch order, so the step's company-wide
/// part (storing the scores, the signal lifecycle, the reports) sees exactly what one node would have computed. On the
/// embedded SQLite store one process runs everything, and outside a <c>churnwatch run</c> node (no
/// <see cref="BatchQueue"/>) no node may be there to take batches: the batches are then scored in turn in this process.
/// </summary>
internal sealed partial class ScoringFanOut(
    AccountScoring scoring,
    BatchResultStore results,
    IOptions<StoreOptions> store,
    IOptions<ScheduleOptions> schedule,
    TimeProvider timeProvider,
    ILogger<ScoringFanOut> logger,
    BatchQueue? queue = null)
{
    /// <summary>How long batch rows stay (their results are cleared as soon as gathered): a record of which node ran which batch.</summary>
    private static readonly TimeSpan StaleAfter = TimeSpan.FromDays(2);

    /// <summary>Scores every account of the company as of <paramref name="asOf"/> (see <see cref="AccountScoring"/>).</summary>
    public async Task<ScoredAccounts> RunAsync(string job, CompanyBatches company, TrainedModels models, DateOnly asOf, ScoringNeeds needs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(company);
        ArgumentNullException.ThrowIfNull(models);
        if (store.Value.Provider == StoreProvider.Sqlite || queue is null)
        {
            return await scoring.RunAsync(company, models, asOf, needs, null, cancellationToken).ConfigureAwait(false);
        }

        var fanOut = $"{job}-{Guid.NewGuid():N}";
        var shape = JsonSerializer.Serialize(company.Shape, BatchJob.Json);
        var churnId = TrainingStep.ModelId(RiskModelSerializer.Serialize(models.Churn));
        var renewalId = models.Renewal is { } renewal ? TrainingStep.ModelId(RiskModelSerializer.Serialize(renewal)) : null;
        foreach (var batch in company.Batches)
        {
            var work = new BatchWork(job, fanOut, batch.Number, batch.FirstAccountId, batch.LastAccountId,
                asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), churnId, renewalId, needs, shape);
            queue.Enqueue(work);
        }

        LogFannedOut(logger, job, company.Batches.Count);
        try
        {
            await WaitAsync(job, fanOut, company, cancellationToken).ConfigureAwait(false);
            var parts = new List<ScoredAccounts>(company.Batches.Count);
            foreach (var batch in company.Batches)
            {
                var json = await results.ResultAsync(fanOut, batch.Number, cancellationToken).ConfigureAwait(false)
                    ?? throw new InvalidOperationException($"Batch {batch.Number} of {job} succeeded without a result.");
                parts.Add(JsonSerializer.Deserialize<ScoredAccounts>(json, BatchJob.Json)!);
            }

            return ScoredAccounts.Join(parts);
        }
        finally
        {
            await results.ClearAsync(fanOut, timeProvider.GetUtcNow().UtcDateTime - StaleAfter, CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>Polls until every batch succeeded; throws, naming the batch, its accounts and node, when one failed.</summary>
    private async Task WaitAsync(string job, string fanOut, CompanyBatches company, CancellationToken cancellationToken)
    {
        while (true)
        {
            var states = await results.StatesAsync(fanOut, cancellationToken).ConfigureAwait(false);
            if (states.FirstOrDefault(s => s.Status == "failed") is { } failed)
            {
                var batch = company.Batches[failed.Batch];
                throw new InvalidOperationException(
                    $"Batch {failed.Batch} of {job} (accounts {batch.FirstAccountId} to {batch.LastAccountId}) failed on node {failed.Node}: {failed.Error}");
            }

            if (states.Count(s => s.Status == "succeeded") == company.Batches.Count)
            {
                var nodes = string.Join(", ", states.Select(s => s.Node).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
                LogGathered(logger, job, company.Batches.Count, nodes);
                return;
            }

            await Task.Delay(schedule.Value.PollInterval, timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {Job}: {Batches} batch jobs queued for any node")]
    private static partial void LogFannedOut(ILogger logger, string job, int batches);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {Job}: all {Batches} batches done, on nodes {Nodes}")]
    private static partial void LogGathered(ILogger logger, string job, int batches, string nodes);
}
