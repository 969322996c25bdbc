using ChurnWatch.Worker.Pipeline;

namespace ChurnWatch.Worker.Tests.TestSupport;

/// <summary>Progress that keeps what it was told: each step begun, each fraction reported in it, each end.</summary>
internal sealed class RecordingProgress : IPipelineProgress
{
    public List<(string Step, List<double> Fractions, bool Ended)> Steps { get; } = [];

    public void Begin(string step) => Steps.Add((step, [], false));

    public void Report(double fraction) => Steps[^1].Fractions.Add(fraction);

    public void End() => Steps[^1] = Steps[^1] with { Ended = true };
}
