using ChurnWatch.Analytics.Modeling;
using Microsoft.Extensions.DependencyInjection;

namespace ChurnWatch.Worker.Pipeline;

/// <summary>Registers the pipeline steps and the modeling options they share.</summary>
internal static class PipelineServices
{
    public static IServiceCollection AddChurnWatchPipeline(this IServiceCollection services)
    {
        services.AddOptions<ModelingOptions>()
            .BindConfiguration("Modeling")
            .Validate(o => { o.Validate(); return true; })
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<TrainingStep>();
        services.AddSingleton<ScoringStep>();
        services.AddSingleton<SignalStep>();
        services.AddSingleton<OutputStep>();
        services.AddSingleton<DemoPipeline>();
        return services;
    }
}
