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
            var churnModel = RiskModelSerializer.Deserialize(churn);
            // Stored under the target's name, NonRenewal (TrainingStep): "Renewal" found nothing, and scheduled runs
            // scored without the renewal model.
            var renewal = await modelStore.LatestAsync(nameof(ModelTarget.NonRenewal), cancellationToken).ConfigureAwait(false) is { } json ? RiskModelSerializer.Deserialize(json) : null;
            models = new TrainedModels(churnModel, renewal, churnModel.Backtest, renewal?.Backtest);
        }

        return new StoredCompany(company, models, company.AsOf);
    }

    /// <summary>The stored company, batched by Store:AccountsPerBatch.</summary>
    public Task<CompanyBatches> OpenCompanyAsync(CancellationToken cancellationToken) =>
        CompanyBatches.OpenAsync(historyStore, storeOptions.Value.AccountsPerBatch, cancellationToken);
}
