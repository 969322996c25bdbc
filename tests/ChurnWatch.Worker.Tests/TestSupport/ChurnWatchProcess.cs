using System.Diagnostics;

namespace ChurnWatch.Worker.Tests.TestSupport;

/// <summary>The built <c>churnwatch</c> binary, run to its end in a folder of the test's choosing (where it reads appsettings.json).</summary>
internal static class ChurnWatchProcess
{
    public static Task<(int ExitCode, string Output, string Error)> RunAsync(string workingDirectory, IEnumerable<string> arguments, params (string Name, string Value)[] environment) =>
        RunAsync(workingDirectory, arguments, TimeSpan.FromMinutes(2), environment);

    /// <summary>The same for a command that may take up to <paramref name="timeout"/> (the whole pipeline on a small company).</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string workingDirectory, IEnumerable<string> arguments, TimeSpan timeout, params (string Name, string Value)[] environment)
    {
        var info = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "churnwatch"), arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var stop = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(stop.Token);
        return (process.ExitCode, await output, await error);
    }
}
