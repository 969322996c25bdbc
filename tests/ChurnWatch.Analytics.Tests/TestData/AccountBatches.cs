using ChurnWatch.Analytics.History;

namespace ChurnWatch.Analytics.Tests.TestData;

/// <summary>A history cut into batches of consecutive accounts (ordinal order of identifiers), as a store reads it.</summary>
internal static class AccountBatches
{
    public static IReadOnlyList<CompanyHistory> Split(CompanyHistory history, int accountsPerBatch)
    {
        var ids = history.Accounts.Select(a => a.AccountId).Order(StringComparer.Ordinal).ToArray();
        return [.. ids.Chunk(accountsPerBatch).Select(chunk => Of(history, chunk.ToHashSet(StringComparer.Ordinal)))];
    }

    private static CompanyHistory Of(CompanyHistory history, HashSet<string> ids) => new(
        [.. history.Accounts.Where(a => ids.Contains(a.AccountId))],
        [.. history.Subscriptions.Where(s => ids.Contains(s.AccountId))],
        [.. history.UsageDays.Where(d => ids.Contains(d.AccountId))],
        [.. history.UsageWeeks.Where(w => ids.Contains(w.AccountId))],
        history.Tickets is null ? null : [.. history.Tickets.Where(t => ids.Contains(t.AccountId))],
        history.Invoices is null ? null : [.. history.Invoices.Where(i => ids.Contains(i.AccountId))],
        history.PaymentAttempts is null ? null : [.. history.PaymentAttempts.Where(p => ids.Contains(p.AccountId))],
        history.DataAsOf);
}
