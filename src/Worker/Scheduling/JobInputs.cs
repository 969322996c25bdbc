using ChurnWatch.Analytics.Modeling;
using ChurnWatch.Worker.Configuration;
using ChurnWatch.Worker.Pipeline;
using ChurnWatch.Worker.Store;
using Microsoft.Extensions.Options;

namespace ChurnWatch.Worker.Scheduling;

/// <summary>Opens a <see cref="StoredCompany"/>: the stored company, the newest stored models (trained now, and stored, when there are none yet) and the as-of date.</summary>
internal sealed class JobInputs(HistoryStore historyStore, ModelStore modelStore, TrainingStep training, IOptions<StoreOptions> storeOptions)
{
    public async Task<StoredCompany> LoadAsync(CancellationToken cancellationToken)
    {
        var company = await OpenCompanyAsync(cancellationToken).ConfigureAwait(false);
        var churn = await modelStore.LatestAsync(nameof(ModelTarget.Churn), cancellationToken).ConfigureAwait(false);
        TrainedModels models;
        if (churn is null)
        {
            models = await training.RunAsync(company, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var churnModel = await ReadAsync(modelStore, churn, cancellationToken).ConfigureAwait(false);
            // Stored under the target's name, NonRenewal (TrainingStep): "Renewal" found nothing, and scheduled runs
            // scored without the renewal model.
            var renewal = await modelStore.LatestAsync(nameof(ModelTarget.NonRenewal), cancellationToken).ConfigureAwait(false) is { } json
                ? await ReadAsync(modelStore, json, cancellationToken).ConfigureAwait(false)
                : null;
            models = new TrainedModels(churnModel, renewal, churnModel.Backtest, renewal?.Backtest);
        }

        return new StoredCompany(company, models, company.AsOf);
    }

    /// <summary>The stored company, batched by Store:AccountsPerBatch.</summary>
    public Task<CompanyBatches> OpenCompanyAsync(CancellationToken cancellationToken) =>
        CompanyBatches.OpenAsync(historyStore, storeOptions.Value.AccountsPerBatch, cancellationToken);

    /// <summary>
    /// A stored model. One stored in an earlier file format is also stored as this code writes it, under that content's
    /// id (<see cref="ModelStore.AddCurrentFormatAsync"/>): scoring names the model by the id of its current JSON
    /// (the scores' churn_model_id, the batch jobs' model lookup).
    /// </summary>
    internal static async Task<RiskModel> ReadAsync(ModelStore modelStore, string json, CancellationToken cancellationToken)
    {
        var model = RiskModelSerializer.Deserialize(json);
        var current = RiskModelSerializer.Serialize(model);
        if (!string.Equals(current, json, StringComparison.Ordinal))
        {
            await modelStore.AddCurrentFormatAsync(TrainingStep.ModelId(json), TrainingStep.ModelId(current), current, cancellationToken).ConfigureAwait(false);
        }

        return model;
    }
}
