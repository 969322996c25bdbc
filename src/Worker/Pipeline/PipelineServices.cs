using ChurnWatch.Analytics.Modeling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ChurnWatch.Worker.Pipeline;

/// <summary>Registers the pipeline steps and the modeling options they share.</summary>
internal static class PipelineServices
{
    /// <summary>The configuration section of <see cref="ModelingOptions"/>.</summary>
    public const string ModelingSection = "Modeling";

    public static IServiceCollection AddChurnWatchPipeline(this IServiceCollection services)
    {
        services.AddOptions<ModelingOptions>()
            .BindConfiguration(ModelingSection)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ModelingOptions>, ModelingOptionsValidator>();
        services.AddSingleton<IngestStep>();
        services.AddSingleton<TrainingStep>();
        services.AddSingleton<ScoringStep>();
        services.AddSingleton<SignalStep>();
        services.AddSingleton<OutputStep>();
        services.AddSingleton<DemoPipeline>();
        return services;
    }
}
