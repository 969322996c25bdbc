namespace ChurnWatch.Worker.Scheduling;

/// <summary>A step that failed for good (recorded in run history): thrown so Hangfire marks its job failed and its chain stops.</summary>
public sealed class StepFailedException : Exception
{
    public StepFailedException()
    {
    }

    public StepFailedException(string message)
        : base(message)
    {
    }

    public StepFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
