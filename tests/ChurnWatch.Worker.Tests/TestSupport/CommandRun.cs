using System.CommandLine;
using ChurnWatch.Worker.Cli;

namespace ChurnWatch.Worker.Tests.TestSupport;

/// <summary>
/// Runs a command line as <c>churnwatch</c> would and captures what it printed. Console is process-wide, so callers
/// belong to the <see cref="Cli.ConsoleTests"/> collection (never in parallel with each other).
/// </summary>
internal static class CommandRun
{
    public static async Task<(int ExitCode, string Output, string Error)> InvokeAsync(RootCommand root, params string[] args)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var (originalOut, originalError) = (Console.Out, Console.Error);
        Console.SetOut(output);
        Console.SetError(error);
        try
        {
            var exitCode = await ChurnWatchCommandLine.InvokeAsync(root, args);
            return (exitCode, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetOut(originalOut);
            Console.SetError(originalError);
        }
    }
}
