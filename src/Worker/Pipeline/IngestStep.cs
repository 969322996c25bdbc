using ChurnWatch.Worker.Configuration;
using ChurnWatch.Worker.Ingestion;
using ChurnWatch.Worker.Ingestion.Validation;
using ChurnWatch.Worker.Reports.Csv;
using Microsoft.Extensions.Options;

namespace ChurnWatch.Worker.Pipeline;

/// <summary>
/// One ingest as every caller runs it (the ingest command, the demo, the scheduled job): read the source, write the
/// refused rows to a quarantine CSV next to the reports, and judge the run against the refused-share limit.
/// </summary>
internal sealed class IngestStep(SourceIngestion ingestion, IOptions<OutputOptions> output, IOptions<ValidationOptions> validation)
{
    public async Task<IngestStepResult> RunAsync(IngestRequest request, IProgress<IngestProgress>? progress, CancellationToken cancellationToken)
    {
        var summary = await ingestion.RunAsync(request, progress, cancellationToken).ConfigureAwait(false);
        string? quarantineFile = null;
        if (summary.Quarantined.Count > 0)
        {
            var folder = Path.Combine(output.Value.Folder, "quarantine");
            Directory.CreateDirectory(folder);
            quarantineFile = Path.Combine(folder, QuarantineCsv.FileName(summary.StartedAt));
            QuarantineCsv.WriteFile(quarantineFile, summary.Quarantined);
        }

        return new IngestStepResult(summary, quarantineFile, summary.OverThreshold(validation.Value.MaxRejectedShare), validation.Value.MaxRejectedShare);
    }
}
