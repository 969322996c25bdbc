using ChurnWatch.Analytics.History;
using ChurnWatch.Worker.Configuration;
using ChurnWatch.Worker.Reports;
using ChurnWatch.Worker.Store;
using Microsoft.Extensions.Options;

namespace ChurnWatch.Worker.Finance;

/// <summary>
/// What the finance and product commands read from the store: the schema brought up to date, the history, and how
/// fresh each source is. An empty store gets a message saying which command fills it.
/// </summary>
internal sealed class FinanceStore(StoreDatabase database, HistoryStore historyStore, IOptions<OutputOptions> output, TimeProvider timeProvider)
{
    /// <summary>Said when the store has nothing to compute from.</summary>
    public const string RunDemoFirst =
        "Run 'churnwatch demo' first (it generates the sample company, ingests it, trains and scores), or 'churnwatch ingest' for your own data.";

    /// <summary>
    /// Accounts, subscriptions and invoices, no usage, tickets or payments, with the sources' freshness: what the renewal
    /// forecast, the SaaS metrics and the feature-usage export (which streams its usage) read, small even for a large company.
    /// </summary>
    public async Task<(CompanyHistory History, IReadOnlyList<SourceAsOf> Sources, DateTime Now)> LoadLedgerAsync(CancellationToken cancellationToken)
    {
        await database.MigrateAsync(cancellationToken).ConfigureAwait(false);
        var freshness = await historyStore.FreshnessAsync(cancellationToken).ConfigureAwait(false);
        if (!freshness.Any(f => f.Entity == "usage_daily" && f.NewestDataAt is not null))
            throw new NothingToComputeException("The store holds no ingested data yet. " + RunDemoFirst);
        var history = await historyStore.LoadLedgerAsync(cancellationToken, withInvoices: true).ConfigureAwait(false);
        if (history.Subscriptions.Count == 0)
            throw new NothingToComputeException("The store holds no subscriptions, so there is nothing to compute. " + RunDemoFirst);
        var now = timeProvider.GetUtcNow().UtcDateTime;
        var sources = freshness
            .Where(f => f.Provided && f.NewestDataAt is not null)
            .Select(f => SourceAsOf.FromStore(f, now, output.Value.StaleAfter))
            .ToList();
        return (history, sources, now);
    }

    /// <summary>The currency most subscriptions are in: amounts are summed as they are, never converted.</summary>
    public static string Currency(CompanyHistory history)
    {
        ArgumentNullException.ThrowIfNull(history);
        return history.Subscriptions.GroupBy(s => s.Currency, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key).FirstOrDefault() ?? "USD";
    }
}
