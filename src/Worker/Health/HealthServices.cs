using ChurnWatch.Worker.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChurnWatch.Worker.Health;

/// <summary>Registers the health checks (store, scheduler) and the <c>/healthz</c> endpoint.</summary>
internal static class HealthServices
{
    public const string StoreCheck = "store";
    public const string SchedulerCheck = "scheduler";

    public static IHostApplicationBuilder AddChurnWatchHealth(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddChurnWatchOptions<HealthOptions>();
        builder.Services.AddHealthChecks()
            .AddCheck<StoreHealthCheck>(StoreCheck)
            .AddCheck<SchedulerHealthCheck>(SchedulerCheck);
        builder.Services.AddSingleton<HealthEndpoint>();
        builder.Services.AddSingleton<IWebHostPart>(sp => sp.GetRequiredService<HealthEndpoint>());
        builder.Services.AddChurnWatchWebServer();
        return builder;
    }
}
