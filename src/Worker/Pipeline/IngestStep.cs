using ChurnWatch.Worker.Configuration;
using ChurnWatch.Worker.Ingestion;
using ChurnWatch.Worker.Ingestion.Csv;
using ChurnWatch.Worker.Ingestion.Validation;
using ChurnWatch.Worker.Store;
using Microsoft.Extensions.Options;

namespace ChurnWatch.Worker.Pipeline;

/// <summary>
/// One ingest as every caller runs it (the ingest command, the demo, the scheduled job): read the source database,
/// then the CSV drops, and write every refused row to a quarantine CSV next to the reports; first of all, refuse to run
/// on a clock that is behind the store (<see cref="ClockCheck"/>).
/// </summary>
internal sealed class IngestStep(
    SourceIngestion ingestion,
    CsvDropIngestion csvDrops,
    StoreDatabase database,
    HistoryStore history,
    IOptions<OutputOptions> output,
    IOptions<ValidationOptions> validation,
    TimeProvider timeProvider)
{
    public async Task<IngestStepResult> RunAsync(
        IngestRequest request, IProgress<IngestProgress>? progress, IProgress<CsvDropProgress>? csvProgress, CancellationToken cancellationToken)
    {
        var startedAt = timeProvider.GetUtcNow().UtcDateTime;
        ClockCheck.ThrowIfBehind(await history.FreshnessAsync(cancellationToken).ConfigureAwait(false), startedAt, validation.Value.FutureTolerance);
        var summary = await ingestion.RunAsync(request, progress, cancellationToken).ConfigureAwait(false);
        var drops = await csvDrops.RunAsync(csvProgress, cancellationToken).ConfigureAwait(false);

        // Both readers quarantine into the store; the report is read back from there, so it lists both.
        var quarantined = await QuarantineStore.ReadSinceAsync(database, startedAt, cancellationToken).ConfigureAwait(false);
        string? quarantineFile = null;
        if (quarantined.Count > 0)
        {
            var folder = Path.Combine(output.Value.Folder, "quarantine");
            Directory.CreateDirectory(folder);
            quarantineFile = Path.Combine(folder, QuarantineCsv.FileName(startedAt));
            QuarantineCsv.WriteFile(quarantineFile, quarantined);
        }

        return new IngestStepResult(summary, drops, quarantineFile);
    }
}
