namespace ChurnWatch.Worker.Pipeline;

/// <summary>The plain sentences an ingest ends with.</summary>
internal static class IngestMessages
{
    /// <summary>One sentence per entity refused whole, then where the refused rows are listed.</summary>
    public static string Refused(IngestStepResult result) =>
        $"Not loaded: {string.Join(" ", result.Refused.Select(e => e.Refusal))}" +
        (result.QuarantineFile is null ? string.Empty : $" Refused rows and why: {result.QuarantineFile}.");
}
