using System.CommandLine;
using System.CommandLine.Invocation;

namespace ChurnWatch.Worker.Cli;

/// <summary>
/// Runs a command, but first turns parse errors (a value of the wrong type, an unknown option) into exit code 2
/// with a plain message, where System.CommandLine would exit with 1 like any other failure.
/// </summary>
internal sealed class ArgumentCheckedAction(Func<ParseResult, CancellationToken, Task<int>> run) : AsynchronousCommandLineAction
{
    /// <summary>Exit code for arguments the command cannot use.</summary>
    public const int BadArguments = 2;

    // Parse errors of the command's options still reach this action, which reports them itself.
    public override bool ClearsParseErrors => true;

    public override Task<int> InvokeAsync(ParseResult parseResult, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        if (parseResult.Errors.Count == 0 && parseResult.UnmatchedTokens.Count == 0)
        {
            return run(parseResult, cancellationToken);
        }

        foreach (var error in parseResult.Errors)
        {
            Console.Error.WriteLine(error.Message);
        }

        // Clearing parse errors also drops the "unrecognized argument" ones: report unknown tokens here.
        foreach (var token in parseResult.UnmatchedTokens)
        {
            Console.Error.WriteLine($"Unrecognized argument '{token}'.");
        }

        return Task.FromResult(BadArguments);
    }
}
