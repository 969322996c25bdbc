namespace ChurnWatch.Worker.Scheduling;

/// <summary>One job of a <c>run --once</c>: its status (succeeded, failed, cancelled, skipped), rows, error or why skipped, time.</summary>
internal sealed record RunOnceStep(string Job, string Status, long? Rows, string? Note, TimeSpan Elapsed)
{
    /// <summary>The status of a job not run because it was not due (training while the model is current).</summary>
    public const string Skipped = "skipped";

    /// <summary>Whether the run may go on after this job: it succeeded, or it was not due.</summary>
    public bool Ended => Status is "succeeded" or Skipped;
}
