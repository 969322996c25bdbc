using ChurnWatch.Analytics.Modeling;
using ChurnWatch.Worker.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChurnWatch.Worker.Pipeline;

/// <summary>Registers the pipeline steps and the modeling options they share.</summary>
internal static class PipelineServices
{
    public static IServiceCollection AddChurnWatchPipeline(this IServiceCollection services)
    {
        services.AddChurnWatchOptions<ModelingOptions>()
            // The binder adds a configured list to the one the class starts with: PlanTiers given as "basic, pro" would
            // be the four default tiers, then basic as the fifth. A configured list replaces the default instead.
            .Configure<IConfiguration>((options, configuration) =>
            {
                if (configuration.GetSection($"{ModelingOptions.Section}:{nameof(ModelingOptions.PlanTiers)}").Get<List<string>>() is { Count: > 0 } tiers)
                {
                    options.PlanTiers = tiers;
                }
            });
        services.AddSingleton<IngestStep>();
        services.AddSingleton<TrainingStep>();
        services.AddSingleton<AccountScoring>();
        services.AddSingleton<ScoringStep>();
        services.AddSingleton<SignalStep>();
        services.AddSingleton<OutputStep>();
        services.AddSingleton<ForecastStep>();
        services.AddSingleton<DemoPipeline>();
        return services;
    }
}
