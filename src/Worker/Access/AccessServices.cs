using Microsoft.Extensions.DependencyInjection;

namespace ChurnWatch.Worker.Access;

/// <summary>Registers local users and the audit trail.</summary>
internal static class AccessServices
{
    public static IServiceCollection AddChurnWatchAccess(this IServiceCollection services)
    {
        services.AddSingleton<UserStore>();
        services.AddSingleton<AuditStore>();
        return services;
    }
}
