using System.Globalization;

namespace ChurnWatch.Worker.Pipeline;

/// <summary>The plain sentences an ingest ends with.</summary>
internal static class IngestMessages
{
    public static string OverThreshold(IngestStepResult result) =>
        string.Create(CultureInfo.InvariantCulture,
            $"Too many bad rows: {string.Join("; ", result.OverThreshold.Select(e => $"{e.Entity} refused {e.Rejected:N0} of {e.Accepted + e.Rejected:N0} ({e.RejectedShare:P1})"))}, " +
            $"above Ingest:MaxRejectedShare ({result.MaxRejectedShare:P1}). Good rows were loaded; the refused ones are listed in {result.QuarantineFile}.");
}
