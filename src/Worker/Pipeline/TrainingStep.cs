using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ChurnWatch.Analytics.Features;
using ChurnWatch.Analytics.Modeling;
using ChurnWatch.Worker.Store;
using Microsoft.Extensions.Options;

namespace ChurnWatch.Worker.Pipeline;

/// <summary>Trains the churn and renewal models with their backtests and keeps the model files in the store.</summary>
internal sealed class TrainingStep(IOptions<ModelingOptions> options, ModelStore store, TimeProvider timeProvider)
{
    // A backtest whose test period holds one class has an undefined AUC: keep it as "NaN" rather than fail.
    private static readonly JsonSerializerOptions BacktestJson = new() { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    public async Task<TrainedModels> RunAsync(CompanyTimeline timeline, CancellationToken cancellationToken)
    {
        var models = ChurnModelWorkflow.Train(timeline, options.Value);
        foreach (var model in new[] { models.Churn, models.Renewal }.OfType<RiskModel>())
        {
            var json = RiskModelSerializer.Serialize(model);
            await store.SaveAsync(
                ModelId(json),
                model.Target.ToString(),
                model.Learner,
                timeProvider.GetUtcNow().UtcDateTime,
                model.DataAsOf,
                JsonSerializer.Serialize(model.Backtest, BacktestJson),
                json,
                cancellationToken).ConfigureAwait(false);
        }

        return models;
    }

    /// <summary>The model file's content hash: the same data and settings give the same id, so a re-run replaces, never duplicates.</summary>
    public static string ModelId(string modelJson) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(modelJson)))[..16];
}
