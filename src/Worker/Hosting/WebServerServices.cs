using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace ChurnWatch.Worker.Hosting;

/// <summary>Registers the process's one web host, once, whichever module (health, dashboard) asks first.</summary>
internal static class WebServerServices
{
    public static IServiceCollection AddChurnWatchWebServer(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, ChurnWatchWebServer>());
        return services;
    }
}
