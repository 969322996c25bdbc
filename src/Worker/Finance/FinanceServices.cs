using ChurnWatch.Analytics.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace ChurnWatch.Worker.Finance;

/// <summary>Registers what the export, forecast and metrics commands use, and the validated <c>Metrics</c> options.</summary>
internal static class FinanceServices
{
    public static IServiceCollection AddChurnWatchFinance(this IServiceCollection services)
    {
        services.AddOptions<MetricsOptions>().BindConfiguration(MetricsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<FinanceStore>();
        services.AddSingleton<RenewalForecastService>();
        services.AddSingleton<SaasMetricsService>();
        return services;
    }
}
