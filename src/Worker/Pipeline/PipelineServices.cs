using ChurnWatch.Analytics.Modeling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChurnWatch.Worker.Pipeline;

/// <summary>Registers the pipeline steps and the modeling options they share.</summary>
internal static class PipelineServices
{
    public static IServiceCollection AddChurnWatchPipeline(this IServiceCollection services)
    {
        services.AddOptions<ModelingOptions>()
            .BindConfiguration(ModelingOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ModelingOptions>, ModelingOptionsValidator>();
        services.AddSingleton<IngestStep>();
        services.AddSingleton<TrainingStep>();
        services.AddSingleton<AccountScoring>();
        services.AddSingleton<ScoringStep>();
        services.AddSingleton<SignalStep>();
        services.AddSingleton<OutputStep>();
        services.AddSingleton<DemoPipeline>();
        return services;
    }
}
