using ChurnWatch.Analytics.Metrics;
using ChurnWatch.Analytics.Modeling;
using ChurnWatch.Analytics.Signals;
using ChurnWatch.Worker.Access;
using ChurnWatch.Worker.Configuration;
using ChurnWatch.Worker.Finance;
using ChurnWatch.Worker.Ingestion;
using ChurnWatch.Worker.Ingestion.Csv;
using ChurnWatch.Worker.Ingestion.Validation;
using ChurnWatch.Worker.Pipeline;
using ChurnWatch.Worker.Store;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChurnWatch.Worker.Hosting;

/// <summary>Composes the worker: configuration sources, validated options and services.</summary>
internal static class ChurnWatchHost
{
    /// <summary>Environment variables with this prefix override appsettings.json: CHURNWATCH__Store__DataFolder=/var/lib/churnwatch.</summary>
    public const string EnvironmentPrefix = "CHURNWATCH__";

    /// <summary>
    /// A host builder reading appsettings.json from the working directory, then CHURNWATCH__ environment variables,
    /// then <paramref name="overrides"/> (used by commands' own options and by tests).
    /// </summary>
    /// <exception cref="SettingsException">appsettings.json is not a JSON object; the message gives its line and position.</exception>
    public static HostApplicationBuilder CreateBuilder(IEnumerable<KeyValuePair<string, string?>>? overrides = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = Directory.GetCurrentDirectory() });
        var later = overrides?.ToList() ?? [];
        // Environment variable keys as configuration reads them: CHURNWATCH__Modeling__PlanTiers__0 is Modeling:PlanTiers:0.
        var environmentKeys = Environment.GetEnvironmentVariables().Keys.OfType<string>()
            .Where(name => name.StartsWith(EnvironmentPrefix, StringComparison.OrdinalIgnoreCase))
            .Select(name => name[EnvironmentPrefix.Length..].Replace("__", ConfigurationPath.KeyDelimiter, StringComparison.Ordinal));
        builder.Configuration
            .AddSettingsFile(builder.Environment.ContentRootPath, [.. environmentKeys, .. later.Select(o => o.Key)])
            .AddEnvironmentVariables(EnvironmentPrefix)
            .AddInMemoryCollection(later);
        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        // Logs go to standard error, so a command's own output on standard output stays clean for scripts.
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.AddChurnWatch();
        return builder;
    }

    public static IHostApplicationBuilder AddChurnWatch(this IHostApplicationBuilder builder)
    {
        builder.Services.AddChurnWatchOptions<StoreOptions>();
        builder.Services.AddChurnWatchOptions<SourceOptions>();
        builder.Services.AddChurnWatchOptions<SampleOptions>();
        builder.Services.AddChurnWatchOptions<OutputOptions>();
        builder.Services.AddChurnWatchOptions<NextStepOptions>();
        builder.Services.AddChurnWatchOptions<SignalOptions>();
        builder.Services.AddChurnWatchOptions<ValidationOptions>();
        builder.Services.AddChurnWatchOptions<CsvDropOptions>();
        builder.Services.AddChurnWatchOptions<Delivery.EmailOptions>();
        builder.Services.AddSingleton<Delivery.SmtpReportSender>();
        builder.Services.AddSingleton<Delivery.WeeklyReportDelivery>();
        builder.Services.AddSingleton<ReportDeliveryStore>();

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<StoreDatabase>();
        builder.Services.AddSingleton<HistoryStore>();
        builder.Services.AddSingleton<ScoreStore>();
        builder.Services.AddSingleton<ModelStore>();
        builder.Services.AddSingleton<BatchResultStore>();
        builder.Services.AddSingleton<SignalStore>();
        builder.Services.AddSingleton<RunHistoryStore>();
        builder.Services.AddSingleton<DashboardKeyStore>();
        builder.Services.AddSingleton<SourceIngestion>();
        builder.Services.AddSingleton<CsvDropIngestion>();
        builder.Services.AddChurnWatchPipeline();
        builder.Services.AddChurnWatchFinance();
        builder.Services.AddChurnWatchAccess();
        return builder;
    }

    /// <summary>The configuration section an options class is bound from, for messages that name the key.</summary>
    public static string SectionOf(Type? optionsType) => KnownSettings.ChurnWatch.SectionOf(optionsType);

    /// <summary>
    /// Resolves every options class once so a bad setting fails now, with its key, rather than halfway through a run.
    /// Commands call this before doing any work; <c>run</c> gets the same through ValidateOnStart. A key ChurnWatch
    /// does not know is reported first: it may be the setting the user meant to change.
    /// </summary>
    public static void ValidateOptions(IServiceProvider services)
    {
        KnownSettings.ChurnWatch.Check(services.GetRequiredService<IConfiguration>());
        foreach (var check in services.GetServices<OptionsCheck>())
        {
            check.Resolve(services);
        }
    }
}
