using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ChurnWatch.Worker.Hosting;

/// <summary>
/// The one web host of a ChurnWatch process: a Kestrel server that listens once per served part (<c>/healthz</c> on
/// Health:Address:Port, the dashboard and <c>/hangfire</c> on Dashboard:Address:Port) and hands each request to the
/// part whose listener took the connection, once its Host header passed that listener's <see cref="HostHeaderRule"/>. Inside <c>churnwatch run</c>, an optional part whose port is taken is
/// logged and left out, so the scheduled jobs (and <c>/healthz</c>) still run.
/// </summary>
internal sealed partial class ChurnWatchWebServer(IEnumerable<IWebHostPart> parts, ILogger<ChurnWatchWebServer> logger) : IHostedService, IAsyncDisposable
{
    private const string PartKey = "churnwatch.part";
    private WebApplication? _app;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var served = parts.Where(p => p.Serves).ToList();
        if (served.Count == 0)
        {
            return;
        }

        try
        {
            _app = await StartAsync(served, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException e) when (served.Any(p => p.Optional))
        {
            foreach (var part in served.Where(p => p.Optional))
            {
                LogNotServed(logger, part.Name, part.Listener.Address, part.Port, e.Message);
            }

            var required = served.Where(p => !p.Optional).ToList();
            _app = required.Count == 0 ? null : await StartAsync(required, cancellationToken).ConfigureAwait(false);
        }
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

    private async Task<WebApplication> StartAsync(IReadOnlyList<IWebHostPart> served, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var listeners = new Dictionary<IWebHostPart, ListenOptions>();
        builder.WebHost.ConfigureKestrel(k =>
        {
            foreach (var part in served)
            {
                k.Listen(IPAddress.Parse(part.Listener.Address), part.Port, listen =>
                {
                    listeners[part] = listen;
                    // Every connection carries the name of the part whose listener accepted it.
                    listen.Use(next => connection =>
                    {
                        connection.Items[PartKey] = part.Name;
                        return next(connection);
                    });
                });
            }
        });
        foreach (var part in served)
        {
            part.AddServices(builder.Services);
        }

        var app = builder.Build();
        var byName = served.ToDictionary(p => p.Name, StringComparer.Ordinal);
        app.Use(async (context, next) =>
        {
            if (context.Features.Get<IConnectionItemsFeature>()?.Items.TryGetValue(PartKey, out var name) != true || name is not string n || !byName.TryGetValue(n, out var part))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            // Each listener answers only the Host names its section allows (DNS rebinding), before anything else.
            if (!await HostHeaderRule.RefusedAsync(context, part.Listener, part.Section).ConfigureAwait(false))
            {
                await part.HandleAsync(context, next).ConfigureAwait(false);
            }
        });
        foreach (var part in served)
        {
            part.Map(app);
        }

        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        foreach (var part in served)
        {
            part.ListeningOn = $"http://{listeners[part].IPEndPoint}";
            LogListening(logger, part.Name, part.ListeningOn, part.Listener.RequiresCredentials);
        }

        return app;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Part} on {Address} (credentials required: {Credentials})")]
    private static partial void LogListening(ILogger logger, string part, string address, bool credentials);

    [LoggerMessage(Level = LogLevel.Error, Message = "The {Part} is not served: cannot listen on {Address}:{Port} ({Reason}); the worker goes on without it")]
    private static partial void LogNotServed(ILogger logger, string part, string address, int port, string reason);
}
