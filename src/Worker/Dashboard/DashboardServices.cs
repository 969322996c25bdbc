using ChurnWatch.Worker.Hosting;
using ChurnWatch.Worker.Store;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ChurnWatch.Worker.Dashboard;

/// <summary>Registers the dashboard as a part of the process's one web host; the scheduler services must be added too (as a client at least).</summary>
internal static class DashboardServices
{
    public static IHostApplicationBuilder AddChurnWatchDashboard(this IHostApplicationBuilder builder, DashboardMode mode)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddChurnWatchOptions<DashboardOptions>();
        builder.Services.AddSingleton(mode);
        builder.Services.AddSingleton<DashboardReads>();
        builder.Services.AddSingleton<DashboardJobs>();
        builder.Services.AddSingleton<ReportFiles>();
        builder.Services.AddSingleton<DashboardSignIns>();
        builder.Services.AddSingleton<DashboardSignOuts>();
        builder.Services.AddSingleton<DashboardEndpoint>();
        builder.Services.AddSingleton<IWebHostPart>(sp => sp.GetRequiredService<DashboardEndpoint>());
        builder.Services.AddChurnWatchWebServer();
        return builder;
    }
}
