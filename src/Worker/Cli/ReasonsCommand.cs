using System.CommandLine;

namespace ChurnWatch.Worker.Cli;

/// <summary><c>churnwatch reasons evaluate</c>: what the scores' reasons are worth.</summary>
internal static class ReasonsCommand
{
    /// <param name="overrides">Settings that win over appsettings.json and the environment (tests point the store elsewhere).</param>
    public static Command Create(IEnumerable<KeyValuePair<string, string?>>? overrides = null)
    {
        var command = new Command("reasons", "Evaluate the reasons given with each score against what happened.");
        command.Subcommands.Add(ReasonsEvaluateCommand.Create(overrides));
        return command;
    }
}
