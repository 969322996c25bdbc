using Hangfire;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ChurnWatch.Worker.Dashboard;

/// <summary>
/// Hangfire's own dashboard at <see cref="Path"/> inside ChurnWatch's dashboard: recurring jobs, queues, servers,
/// failures, retries by hand. It runs behind the same rule as every page (a local user's session, loopback, or HTTP Basic credentials; a POST
/// needs the anti-forgery token, which Hangfire's pages send in a header), never shows the storage's connection string,
/// and gets a content-security policy that lets its own scripts and styles run and nothing else. It reads Hangfire's
/// storage only: serving it starts no Hangfire server, so <c>churnwatch dashboard</c> takes no jobs.
/// </summary>
internal static class HangfireDashboard
{
    public const string Path = "/hangfire";

    /// <summary>
    /// Hangfire's pages load their own scripts, styles and fonts and poll their own stats, from this origin only; its
    /// scripts set style attributes (progress bars, charts), hence inline styles, never inline or foreign scripts.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    public static bool Serves(HttpRequest request) => request.Path.StartsWithSegments(Path, StringComparison.OrdinalIgnoreCase);

    /// <summary>What the dashboard's own web host needs to serve Hangfire's pages, from the worker's services (no second AddHangfire).</summary>
    public static void AddTo(IServiceCollection services, IServiceProvider worker)
    {
        services.AddSingleton(worker.GetRequiredService<IGlobalConfiguration>());
        services.AddSingleton(worker.GetRequiredService<JobStorage>());
        services.AddSingleton(DashboardRoutes.Routes);
        if (worker.GetService<IBackgroundJobClient>() is { } client)
        {
            services.AddSingleton(client);
        }

        if (worker.GetService<IRecurringJobManager>() is { } recurring)
        {
            services.AddSingleton(recurring);
        }
    }

    public static void Map(WebApplication app, JobStorage storage)
    {
        // The ChurnWatch middleware in front has already applied the access rule and checked the anti-forgery token.
        app.MapHangfireDashboardWithNoAuthorizationFilters(Path, new Hangfire.DashboardOptions
        {
            AppPath = "/jobs",
            DashboardTitle = "ChurnWatch jobs (Hangfire)",
            DisplayStorageConnectionString = false,
            StatsPollingInterval = 5000,
        }, storage);
    }
}
