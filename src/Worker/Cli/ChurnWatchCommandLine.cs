using System.CommandLine;

namespace ChurnWatch.Worker.Cli;

/// <summary>The <c>churnwatch</c> command tree.</summary>
internal static class ChurnWatchCommandLine
{
    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("ChurnWatch: churn and renewal risk, signals and reports for B2B SaaS.");
        root.Subcommands.Add(SamplesCommand.Create());
        return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
    }
}
