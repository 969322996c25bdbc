using Microsoft.Extensions.DependencyInjection;

namespace ChurnWatch.Worker.Pipeline;

/// <summary>Registers the pipeline steps.</summary>
internal static class PipelineServices
{
    public static IServiceCollection AddChurnWatchPipeline(this IServiceCollection services)
    {
        services.AddSingleton<SignalStep>();
        return services;
    }
}
