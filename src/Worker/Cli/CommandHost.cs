using ChurnWatch.Worker.Hosting;
using ChurnWatch.Worker.Ingestion;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Spectre.Console;

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
        CancellationToken cancellationToken)
    {
        try
        {
            using var host = ChurnWatchHost.CreateBuilder(overrides).Build();
            ChurnWatchHost.ValidateOptions(host.Services);
            return await work(host.Services, cancellationToken).ConfigureAwait(false);
        }
        catch (OptionsValidationException e)
        {
            return Fail(ExitCodes.BadConfiguration, $"Configuration error: {string.Join(" ", e.Failures)} (appsettings.json or {ChurnWatchHost.EnvironmentPrefix}* variables)");
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
        catch (Exception e) when (e is InvalidOperationException or IOException or UnauthorizedAccessException or System.Data.Common.DbException)
        {
            return Fail(ExitCodes.Failed, $"Failed: {e.Message}");
        }
    }

    public static int Fail(int exitCode, string message)
    {
        var error = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        error.MarkupLine($"[red]{Markup.Escape(message)}[/]");
        return exitCode;
    }
}
