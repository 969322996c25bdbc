using ChurnWatch.Analytics.Metrics;
using ChurnWatch.Worker.Adoption;
using ChurnWatch.Worker.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace ChurnWatch.Worker.Finance;

/// <summary>Registers what the export, forecast and metrics commands use, and the validated <c>Metrics</c> options.</summary>
internal static class FinanceServices
{
    public static IServiceCollection AddChurnWatchFinance(this IServiceCollection services)
    {
        services.AddChurnWatchOptions<MetricsOptions>();
        services.AddSingleton<FinanceStore>();
        services.AddSingleton<RenewalForecastService>();
        services.AddSingleton<SaasMetricsService>();
        services.AddSingleton<FeatureUsageSummaryExport>();
        return services;
    }
}
