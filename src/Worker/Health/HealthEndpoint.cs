using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ChurnWatch.Worker.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ChurnWatch.Worker.Health;

/// <summary>
/// Serves <c>/healthz</c> (readiness and details, 200 or 503), <c>/healthz/live</c> (the process answers) and
/// <c>/healthz/ready</c> (store reachable and scheduler running) from a small Kestrel server of its own, on loopback
/// unless configured otherwise (and then behind HTTP Basic credentials).
/// </summary>
internal sealed partial class HealthEndpoint(HealthCheckService checks, IOptions<HealthOptions> options, ILogger<HealthEndpoint> logger) : IHostedService, IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
    private WebApplication? _app;

    /// <summary>The address it listens on, once started (with the real port when Port is 0).</summary>
    public string? ListeningOn { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return;
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Parse(settings.Address), settings.Port));
        var app = builder.Build();
        app.UseHostHeaderRule(settings, HealthOptions.Section);
        app.Use(async (context, next) =>
        {
            if (settings.RequiresCredentials && !Authorised(context.Request, settings))
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                context.Response.Headers.WWWAuthenticate = "Basic realm=\"churnwatch\"";
                return;
            }

            await next(context).ConfigureAwait(false);
        });
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
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        _app = app;
        ListeningOn = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        var address = ListeningOn ?? $"{settings.Address}:{settings.Port}";
        LogListening(logger, address, settings.RequiresCredentials);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not null)
        {
            await _app.StopAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static bool Authorised(HttpRequest request, HealthOptions settings) =>
        Hosting.BasicCredentials.Match(request, settings.Username, settings.Password);

    [LoggerMessage(Level = LogLevel.Information, Message = "Health endpoint on {Address}/healthz (credentials required: {Credentials})")]
    private static partial void LogListening(ILogger logger, string address, bool credentials);
}
