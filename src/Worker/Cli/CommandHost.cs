using ChurnWatch.Worker.Hosting;
using ChurnWatch.Worker.Ingestion;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ChurnWatch.Worker.Cli;

/// <summary>
/// Runs a command's work inside the configured host and turns every failure into a plain sentence on standard
/// error and an exit code from <see cref="ExitCodes"/>, never a stack trace.
/// </summary>
internal static class CommandHost
{
    public static async Task<int> RunAsync(
        Func<IServiceProvider, CancellationToken, Task<int>> work,
        IEnumerable<KeyValuePair<string, string?>>? overrides,
        CancellationToken cancellationToken,
        Action<HostApplicationBuilder>? configure = null)
    {
        try
        {
            var builder = ChurnWatchHost.CreateBuilder(overrides);
            configure?.Invoke(builder);
            using var host = builder.Build();
            ChurnWatchHost.ValidateOptions(host.Services);
            return await work(host.Services, cancellationToken).ConfigureAwait(false);
        }
        catch (OptionsValidationException e)
        {
            var section = ChurnWatchHost.SectionOf(e.OptionsType);
            var problems = e.Failures.Select(f => DescribeFailure(section, f));
            return Fail(ExitCodes.BadConfiguration, $"Configuration error: {string.Join(" ", problems)} (appsettings.json or {ChurnWatchHost.EnvironmentPrefix}{section}__<Key>)");
        }
        catch (SettingsException e)
        {
            return Fail(ExitCodes.BadConfiguration, $"Configuration error: {e.Message}");
        }
        catch (InvalidOperationException e) when (e.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal))
        {
            return Fail(ExitCodes.BadConfiguration, $"Configuration error: {e.Message} {e.InnerException?.Message}");
        }
        catch (SourceDataException e)
        {
            return Fail(ExitCodes.BadSourceData, $"Source error: {e.Message}");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Fail(ExitCodes.Cancelled, "Cancelled; work that had not finished was rolled back.");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The last resort: a user sees one sentence, never a stack trace. CHURNWATCH_DEBUG=1 shows the trace.
            return Fail(ExitCodes.Failed, Environment.GetEnvironmentVariable("CHURNWATCH_DEBUG") == "1" ? $"Failed: {e}" : $"Failed: {e.Message}");
        }
    }

    /// <summary>Writes the message to standard error as plain text (scripts read it) and returns the exit code.</summary>
    public static int Fail(int exitCode, string message)
    {
        Console.Error.WriteLine(message);
        return exitCode;
    }

    // DataAnnotations says "... members: 'GoneDarkAfterDays' with the error: 'The field ... between 3 and 365.'";
    // users set keys, so say "Signals:GoneDarkAfterDays: The field ... between 3 and 365.", once where the error names it.
    private static string DescribeFailure(string section, string failure)
    {
        var match = System.Text.RegularExpressions.Regex.Match(failure, "members: '(?<key>[^']+)' with the error: '(?<error>.*)'\\.?$");
        var (key, error) = ($"{section}:{match.Groups["key"].Value}", match.Groups["error"].Value);
        return match.Success ? (error.StartsWith(key, StringComparison.Ordinal) ? error : $"{key}: {error}")
            : failure.StartsWith(section + ":", StringComparison.Ordinal) ? failure : $"{section}: {failure}";
    }
}
