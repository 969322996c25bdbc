using System.CommandLine;
using Spectre.Console;

namespace ChurnWatch.Worker.Cli;

/// <summary>The <c>churnwatch</c> command tree.</summary>
internal static class ChurnWatchCommandLine
{
    /// <summary>
    /// Columns a table may take when standard output is a file or a pipe. Spectre.Console assumes 80 there, and a wide
    /// table (the lift table, the model summary) then wraps every row over several lines; tables are only as wide as
    /// their content, so a generous width pads nothing.
    /// </summary>
    public const int RedirectedWidth = 400;

    public static RootCommand Create()
    {
        var root = new RootCommand(
            "ChurnWatch: churn and renewal risk, signals and reports for B2B SaaS, from your own data. " +
            "Settings come from appsettings.json in the working directory and CHURNWATCH__Section__Key environment variables.");
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(SourceCommand.Create());
        root.Subcommands.Add(IngestCommand.Create());
        root.Subcommands.Add(ModelCommand.Create(TimeProvider.System));
        root.Subcommands.Add(SamplesCommand.Create());
        root.Subcommands.Add(SignalsCommand.Create());
        root.Subcommands.Add(ReasonsCommand.Create());
        root.Subcommands.Add(ReportsCommand.Create());
        root.Subcommands.Add(ExportCommand.Create());
        root.Subcommands.Add(ForecastCommand.Create());
        root.Subcommands.Add(MetricsCommand.Create());
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(JobsCommand.Create());
        root.Subcommands.Add(DashboardCommand.Create());
        root.Subcommands.Add(UsersCommand.Create());
        root.Subcommands.Add(AuditCommand.Create());
        return root;
    }

    public static Task<int> RunAsync(string[] args)
    {
        if (Console.IsOutputRedirected)
        {
            AnsiConsole.Profile.Width = RedirectedWidth;
        }

        return InvokeAsync(Create(), args);
    }

    /// <summary>
    /// Parses and runs; a command line that does not parse (unknown option, a value of the wrong type) exits with
    /// <see cref="ExitCodes.BadArguments"/> and a plain message for every command, before any work starts.
    /// </summary>
    public static async Task<int> InvokeAsync(RootCommand root, string[] args)
    {
        ArgumentNullException.ThrowIfNull(root);
        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            foreach (var error in parseResult.Errors)
            {
                CommandHost.Fail(ExitCodes.BadArguments, error.Message);
            }

            await Console.Error.WriteLineAsync("Run 'churnwatch --help' for the commands and their options.").ConfigureAwait(false);
            return ExitCodes.BadArguments;
        }

        // `run` stops on SIGTERM through the Generic Host (stop taking work, wait, cancel); System.CommandLine's own
        // handler would end the process after 2 seconds.
        var invocation = parseResult.CommandResult.Command.Name == RunCommand.Name ? new InvocationConfiguration { ProcessTerminationTimeout = null } : null;
        return await parseResult.InvokeAsync(invocation).ConfigureAwait(false);
    }
}
