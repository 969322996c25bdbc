using ChurnWatch.Worker.Ingestion;
using ChurnWatch.Worker.Pipeline;

namespace ChurnWatch.Worker.Scheduling;

/// <summary>Reads the source database and the CSV drops into the store; more rejected rows than Ingest:MaxRejectedShare fail it.</summary>
internal sealed class IngestJob(IngestStep ingest) : IScheduledJob
{
    public const string Name = "ingest";

    public static JobDefinition Definition { get; } = new(
        Name,
        "read new and changed accounts, subscriptions, usage, tickets, invoices and payments from the source database and the CSV drops into the store",
        ScoreJob.Name,
        [
            new(nameof(ScheduleOptions.Ingest), Name, Chain: false, o => o.Ingest),
            new(nameof(ScheduleOptions.Scoring), Name, Chain: true, o => o.Scoring),
        ],
        typeof(IngestJob));

    public async Task<long> RunAsync(CancellationToken cancellationToken)
    {
        var result = await ingest.RunAsync(IngestRequest.All, null, null, cancellationToken).ConfigureAwait(false);
        return result.Failed ? throw new SourceDataException(IngestMessages.Refused(result)) : result.TotalRows;
    }
}
