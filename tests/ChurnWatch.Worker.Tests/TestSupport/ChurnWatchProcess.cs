using System.Diagnostics;

namespace ChurnWatch.Worker.Tests.TestSupport;

/// <summary>The built <c>churnwatch</c> binary, run to its end in a folder of the test's choosing (where it reads appsettings.json).</summary>
internal static class ChurnWatchProcess
{
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string workingDirectory, IEnumerable<string> arguments, params (string Name, string Value)[] environment)
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
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output, await error);
    }
}
