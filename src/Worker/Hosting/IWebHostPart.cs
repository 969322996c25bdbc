using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace ChurnWatch.Worker.Hosting;

/// <summary>
/// One part of ChurnWatch's single web host (<see cref="ChurnWatchWebServer"/>): <c>/healthz</c>, or the dashboard with
/// <c>/hangfire</c>. Each part has a listener of its own (address, port, credentials); a request is handled by the
/// part whose listener took the connection, and a part answers only its own paths.
/// </summary>
internal interface IWebHostPart
{
    /// <summary>For logs and the connection's tag, e.g. <c>dashboard</c>.</summary>
    string Name { get; }

    /// <summary>Its settings' configuration section (<c>Health</c>, <c>Dashboard</c>), for messages.</summary>
    string Section { get; }

    /// <summary>Whether the part is served in this process (its Enabled setting, or a command that always serves it).</summary>
    bool Serves { get; }

    /// <summary>Whether the worker goes on without this part when its port is taken (logged); else the start fails.</summary>
    bool Optional { get; }

    /// <summary>Where the part listens and who may call it.</summary>
    ListenerOptions Listener { get; }

    /// <summary>The TCP port (0 picks a free one).</summary>
    int Port { get; }

    /// <summary>The address it listens on once started (with the real port when Port is 0); null while not served.</summary>
    string? ListeningOn { get; set; }

    /// <summary>Adds what the part's pages need to the web host's services.</summary>
    void AddServices(IServiceCollection services);

    /// <summary>Maps the part's routes.</summary>
    void Map(WebApplication app);

    /// <summary>The part's middleware for a request its listener took: access rule, headers, errors, then <paramref name="next"/>.</summary>
    Task HandleAsync(HttpContext context, RequestDelegate next);
}
