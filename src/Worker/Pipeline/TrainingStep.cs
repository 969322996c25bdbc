using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ChurnWatch.Analytics.Modeling;
using ChurnWatch.Worker.Configuration;
using ChurnWatch.Worker.Store;
using Microsoft.Extensions.Options;

namespace ChurnWatch.Worker.Pipeline;

/// <summary>Trains the churn and renewal models with their backtests and keeps the model files in the store.</summary>
internal sealed class TrainingStep(IOptions<ModelingOptions> options, IOptions<StoreOptions> storeOptions, ModelStore store, TimeProvider timeProvider)
{
    // A backtest whose test period holds one class has an undefined AUC: keep it as "NaN" rather than fail.
    private static readonly JsonSerializerOptions BacktestJson = new() { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    /// <summary>Trains on the stored company, reading it one batch of accounts at a time.</summary>
    public async Task<TrainedModels> RunAsync(CompanyBatches company, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(company);
        var models = ChurnModelWorkflow.Train(company.LedgerTimeline, company.Timelines(cancellationToken), options.Value);
        foreach (var model in new[] { models.Churn, models.Renewal }.OfType<RiskModel>())
        {
            var json = RiskModelSerializer.Serialize(model);
            var id = ModelId(json);
            // The model file, named by its content: the same data and settings give the same file, a new one never
            // overwrites an old one, so last month's scores can always be reproduced with last month's model.
            var folder = Path.Combine(storeOptions.Value.DataFolder, "models");
            Directory.CreateDirectory(folder);
            Output.AtomicFile.WriteText(Path.Combine(folder, $"{model.Target.ToString().ToLowerInvariant()}-{id}.json"), writer => writer.Write(json));
            await store.SaveAsync(
                id,
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
