using ChurnWatch.Analytics.Forecasting;
using ChurnWatch.Analytics.History;
using ChurnWatch.Analytics.Modeling;
using ChurnWatch.Analytics.Predictors;

namespace ChurnWatch.Worker.Store;

/// <summary>
/// The stored company as the pipeline reads it: its <see cref="CompanyShape"/> and its ledger (accounts and
/// subscriptions) whole, everything else (usage, tickets, invoices, payments) one batch of accounts at a time, each
/// batch's timeline freed before the next is read. Memory grows with <see cref="StoreOptions.AccountsPerBatch"/>,
/// not with the company's history.
/// </summary>
internal sealed class CompanyBatches
{
    private readonly HistoryStore _store;
    private readonly ShapeFacts _facts;

    /// <summary>Null, or the instant every batch is cut at as it is read (<see cref="At"/>).</summary>
    private readonly DateTime? _cut;

    private CompanyBatches(HistoryStore store, ShapeFacts facts, CompanyHistory ledger, IReadOnlyList<AccountBatch> batches, DateTime? cut = null)
    {
        _store = store;
        _facts = facts;
        _cut = cut;
        Shape = facts.At(cut);
        Ledger = ledger;
        LedgerTimeline = CompanyTimeline.Build(ledger, Shape);
        Batches = batches;
    }

    /// <summary>What every batch shares: predictor columns, first usage day, week grid, as-of instant.</summary>
    public CompanyShape Shape { get; }

    /// <summary>Every account and subscription; no usage, tickets, invoices or payments.</summary>
    public CompanyHistory Ledger { get; }

    /// <summary>The ledger indexed per account: labels, the training sample and the account book read it.</summary>
    public CompanyTimeline LedgerTimeline { get; }

    /// <summary>The batches, in the store's order of account identifiers.</summary>
    public IReadOnlyList<AccountBatch> Batches { get; }

    /// <summary>The default scoring date: the Monday after the last complete week of data.</summary>
    public DateOnly AsOf => ChurnModelWorkflow.DefaultAsOf(Ledger);

    /// <summary>Reads the shape, the ledger and the batch boundaries.</summary>
    public static async Task<CompanyBatches> OpenAsync(HistoryStore store, int accountsPerBatch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var facts = await store.ShapeFactsAsync(cancellationToken).ConfigureAwait(false);
        var ledger = await store.LoadLedgerAsync(cancellationToken).ConfigureAwait(false);
        var batches = await store.AccountBatchesAsync(accountsPerBatch, cancellationToken).ConfigureAwait(false);
        return new CompanyBatches(store, facts, ledger, batches);
    }

    /// <summary>One batch's full history, indexed with the company's shape.</summary>
    public async Task<CompanyTimeline> LoadAsync(AccountBatch batch, CancellationToken cancellationToken) =>
        CompanyTimeline.Build(await LoadHistoryAsync(batch, cancellationToken).ConfigureAwait(false), Shape);

    /// <summary>
    /// Every batch's timeline in turn, each read when the enumeration reaches it: for the training, which pulls the
    /// batches through <see cref="ChurnModelWorkflow.Train(CompanyTimeline, IEnumerable{CompanyTimeline}, ModelingOptions)"/>.
    /// </summary>
    public IEnumerable<CompanyTimeline> Timelines(CancellationToken cancellationToken) =>
        Histories(cancellationToken).Select(history => CompanyTimeline.Build(history, Shape));

    /// <summary>Every batch's history in turn, each read when the enumeration reaches it.</summary>
    public IEnumerable<CompanyHistory> Histories(CancellationToken cancellationToken)
    {
        foreach (var batch in Batches)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // Synchronous, because the pure training code pulls batches from a plain enumerable; the store reads are
            // synchronous Dapper queries underneath anyway.
            yield return LoadHistoryAsync(batch, cancellationToken).GetAwaiter().GetResult();
        }
    }

    /// <summary>
    /// The company as it was known at <paramref name="instant"/> (<see cref="HistoryCut"/>): the shape of that history,
    /// the ledger cut at the instant, and every batch cut at it as it is read.
    /// </summary>
    public CompanyBatches At(DateTime instant) => new(_store, _facts, HistoryCut.At(Ledger, instant), Batches, instant);

    /// <summary>This company's view of a batch's history: cut at its instant when it is a past view (<see cref="At"/>).</summary>
    public CompanyHistory View(CompanyHistory batchHistory) => _cut is { } instant ? HistoryCut.At(batchHistory, instant) : batchHistory;

    private async Task<CompanyHistory> LoadHistoryAsync(AccountBatch batch, CancellationToken cancellationToken) =>
        View(await _store.LoadBatchAsync(batch, cancellationToken).ConfigureAwait(false));
}
