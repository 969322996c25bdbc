using Spectre.Console;

namespace ChurnWatch.Worker.Cli;

/// <summary>
/// Where a command reads a password from. Never the command line: arguments show in the shell's history and in
/// every process listing. Scripts pipe it on standard input (its first line); on a terminal it is asked for twice,
/// without echo.
/// </summary>
internal static class PasswordInput
{
    /// <summary>The password, or null when none was given or the two typed on a terminal differ (the error says which).</summary>
    /// <param name="input">Where to read the first line from instead of the console (tests); null for the console.</param>
    public static string? Read(TextReader? input, out string error)
    {
        error = string.Empty;
        if (input is not null || Console.IsInputRedirected)
        {
            var line = (input ?? Console.In).ReadLine();
            if (string.IsNullOrEmpty(line))
            {
                error = "No password on standard input: pipe it as the first line (the command line never takes one).";
                return null;
            }

            return line;
        }

        var first = AnsiConsole.Prompt(new TextPrompt<string>("Password:").Secret(null));
        var second = AnsiConsole.Prompt(new TextPrompt<string>("Password again:").Secret(null));
        if (!string.Equals(first, second, StringComparison.Ordinal))
        {
            error = "The two passwords typed differ; nothing changed.";
            return null;
        }

        return first;
    }
}
