using System.Text.Json;
using ChurnWatch.Worker.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace ChurnWatch.Worker.Health;

/// <summary>
/// Serves <c>/healthz</c> (readiness and details, 200 or 503), <c>/healthz/live</c> (the process answers) and
/// <c>/healthz/ready</c> (store reachable and Hangfire server running) as a part of the process's one web host, on a
/// listener of its own: loopback unless configured otherwise (and then behind HTTP Basic credentials).
/// </summary>
internal sealed class HealthEndpoint(HealthCheckService checks, IOptions<HealthOptions> options) : IWebHostPart
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public string Name => "health endpoint";

    public string Section => HealthOptions.Section;

    public bool Serves => options.Value.Enabled;

    public bool Optional => false;

    public ListenerOptions Listener => options.Value;

    public int Port => options.Value.Port;

    /// <summary>The address it listens on, once started (with the real port when Port is 0).</summary>
    public string? ListeningOn { get; set; }

    /// <summary>Whether a request is for one of this part's paths.</summary>
    public static bool IsHealthPath(HttpRequest request) => request.Path.StartsWithSegments("/healthz", StringComparison.Ordinal);

    public void AddServices(IServiceCollection services)
    {
    }

    public async Task HandleAsync(HttpContext context, RequestDelegate next)
    {
        var settings = options.Value;
        if (!IsHealthPath(context.Request))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (settings.RequiresCredentials && !Hosting.BasicCredentials.Match(context.Request, settings.Username, settings.Password))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate = "Basic realm=\"churnwatch\"";
            return;
        }

        await next(context).ConfigureAwait(false);
    }

    public void Map(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/healthz/live", () => Results.Json(new { status = "alive" }));
        app.MapGet("/healthz/ready", async (CancellationToken ct) =>
        {
            var report = await checks.CheckHealthAsync(ct).ConfigureAwait(false);
            return Results.Json(new { status = report.Status.ToString() }, statusCode: report.Status == HealthStatus.Healthy ? 200 : 503);
        });
        app.MapGet("/healthz", async (CancellationToken ct) =>
        {
            var report = await checks.CheckHealthAsync(ct).ConfigureAwait(false);
            var body = new
            {
                status = report.Status.ToString(),
                live = true,
                ready = report.Status == HealthStatus.Healthy,
                checks = report.Entries.ToDictionary(
                    e => e.Key,
                    e => new { status = e.Value.Status.ToString(), description = e.Value.Description, data = e.Value.Data },
                    StringComparer.Ordinal),
            };
            return Results.Json(body, Json, statusCode: report.Status == HealthStatus.Healthy ? 200 : 503);
        });
    }
}
