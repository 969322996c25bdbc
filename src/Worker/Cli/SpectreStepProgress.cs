using ChurnWatch.Worker.Pipeline;
using Spectre.Console;

namespace ChurnWatch.Worker.Cli;

/// <summary>Shows each pipeline step as a progress bar on the terminal.</summary>
internal sealed class SpectreStepProgress(ProgressContext context) : IPipelineProgress
{
    private ProgressTask? _current;

    /// <summary>The progress display of every long command: each step, its bar, percentage and elapsed time, left on screen after.</summary>
    public static Progress Display(IAnsiConsole console) => console.Progress()
        .AutoClear(false)
        .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn());

    public void Begin(string step) => _current = context.AddTask(step, maxValue: 1.0);

    public void Report(double fraction)
    {
        if (_current is not null)
        {
            _current.Value = Math.Clamp(fraction, 0, 1);
        }
    }

    public void End()
    {
        if (_current is not null)
        {
            _current.Value = 1.0;
            _current.StopTask();
        }
    }
}
