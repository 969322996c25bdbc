namespace ChurnWatch.Worker.Pipeline;

/// <summary>Progress that goes nowhere, for tests and non-interactive callers.</summary>
internal sealed class SilentProgress : IPipelineProgress
{
    public static readonly SilentProgress Instance = new();

    public void Begin(string step)
    {
    }

    public void Report(double fraction)
    {
    }

    public void End()
    {
    }
}
