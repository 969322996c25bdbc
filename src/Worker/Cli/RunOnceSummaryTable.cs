using System.Globalization;
using ChurnWatch.Worker.Scheduling;
using Spectre.Console;

namespace ChurnWatch.Worker.Cli;

/// <summary>The table <c>churnwatch run --once</c> ends with: each job, how it ended, its rows and time.</summary>
internal static class RunOnceSummaryTable
{
    public static void Write(IAnsiConsole console, IReadOnlyList<RunOnceStep> steps, string outputFolder)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(steps);
        var table = new Table().Title("ChurnWatch run --once").AddColumns("Job", "Status", "Rows", "Seconds", "Note");
        foreach (var step in steps)
        {
            var status = step.Status switch
            {
                "succeeded" => "[green]succeeded[/]",
                RunOnceStep.Skipped => RunOnceStep.Skipped,
                _ => $"[red]{Markup.Escape(step.Status)}[/]",
            };
            table.AddRow(
                Markup.Escape(step.Job),
                status,
                step.Rows?.ToString("N0", CultureInfo.InvariantCulture) ?? "-",
                step.Status == RunOnceStep.Skipped ? "-" : step.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture),
                Markup.Escape(Short(step)));
        }

        foreach (var (job, _) in RunOnce.Steps.Where(s => steps.All(done => done.Job != s.Job)))
        {
            table.AddRow(Markup.Escape(job), "not run", "-", "-", "an earlier job did not succeed");
        }

        console.Write(table);
        console.MarkupLine(Markup.Escape($"Reports, exports, forecast and metrics: {Path.GetFullPath(outputFolder)}; run history: churnwatch jobs history"));
    }

    /// <summary>A failure's first sentence (the whole message follows the table); a skip's reason whole.</summary>
    private static string Short(RunOnceStep step)
    {
        var note = step.Note ?? string.Empty;
        if (step.Status == RunOnceStep.Skipped)
        {
            return note;
        }

        var end = note.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? note : note[..(end + 1)];
    }
}
