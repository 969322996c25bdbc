using System.Data.Common;
using ChurnWatch.Worker.Store;
using Dapper;

namespace ChurnWatch.Worker.Ingestion.Csv;

/// <summary>
/// Stages raw usage events and recomputes the usage aggregates for exactly the (account, day) and (account, week)
/// pairs a file touched, from all staged events: two files with events on one day add up, and a user who appears in
/// both counts once. Plain SQL (DELETE, then INSERT ... SELECT ... GROUP BY, with parameters) that reads the same on
/// every store provider, because day and week_start were computed in C# on load.
/// </summary>
internal static class UsageAggregateRefresh
{
    public const string StagingTable = "staged_usage_events";

    public static readonly StoreColumn<StagedUsageEvent>[] StagingColumns =
    [
        new("account_id", e => e.AccountId), new("user_id", e => e.UserId), new("feature", e => e.Feature),
        new("occurred_at", e => StoreText.Instant(e.OccurredAt)), new("quantity", e => e.Quantity),
        new("day", e => StoreText.Date(e.Day)), new("week_start", e => StoreText.Date(e.WeekStart)),
    ];

    private const string DeleteDay = "DELETE FROM usage_daily WHERE account_id = @Account AND day = @Key";

    private const string InsertDay =
        "INSERT INTO usage_daily (account_id, feature, day, events, active_users) " +
        "SELECT account_id, feature, day, SUM(quantity), COUNT(DISTINCT user_id) FROM staged_usage_events " +
        "WHERE account_id = @Account AND day = @Key GROUP BY account_id, feature, day";

    private const string DeleteWeek = "DELETE FROM usage_weekly WHERE account_id = @Account AND week_start = @Key";

    private const string InsertWeekPerFeature =
        "INSERT INTO usage_weekly (account_id, feature, week_start, events, active_users) " +
        "SELECT account_id, feature, week_start, SUM(quantity), COUNT(DISTINCT user_id) FROM staged_usage_events " +
        "WHERE account_id = @Account AND week_start = @Key GROUP BY account_id, feature, week_start";

    // Feature '*': the account's distinct users across all features, which per-feature rows cannot add up to.
    private const string InsertWeekAllFeatures =
        "INSERT INTO usage_weekly (account_id, feature, week_start, events, active_users) " +
        "SELECT account_id, @AllFeatures, week_start, SUM(quantity), COUNT(DISTINCT user_id) FROM staged_usage_events " +
        "WHERE account_id = @Account AND week_start = @Key GROUP BY account_id, week_start";

    /// <summary>Recomputes the touched days and weeks inside the caller's transaction.</summary>
    public static async Task RefreshAsync(
        DbConnection connection,
        DbTransaction transaction,
        IEnumerable<(string Account, string Day)> days,
        IEnumerable<(string Account, string Week)> weeks,
        CancellationToken cancellationToken)
    {
        foreach (var (account, day) in days.Order())
        {
            var key = new { Account = account, Key = day };
            await ExecuteAsync(connection, transaction, DeleteDay, key, cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, transaction, InsertDay, key, cancellationToken).ConfigureAwait(false);
        }

        foreach (var (account, week) in weeks.Order())
        {
            var key = new { Account = account, Key = week, AllFeatures = Analytics.History.UsageWeek.AllFeatures };
            await ExecuteAsync(connection, transaction, DeleteWeek, key, cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, transaction, InsertWeekPerFeature, key, cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, transaction, InsertWeekAllFeatures, key, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The Monday before which staged weeks were pruned, or null when nothing was pruned yet.</summary>
    public static async Task<DateOnly?> PrunedBeforeAsync(DbConnection connection, CancellationToken cancellationToken, DbTransaction? transaction = null)
    {
        var text = await connection.ExecuteScalarAsync<string?>(new CommandDefinition("SELECT MAX(week_start) FROM staged_usage_pruned", transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return StoreText.ParseDateOrNull(text);
    }

    /// <summary>The newest day of any staged event (the usage data's own as of), or null when nothing is staged.</summary>
    public static async Task<DateOnly?> NewestStagedDayAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        var text = await connection.ExecuteScalarAsync<string?>(new CommandDefinition("SELECT MAX(day) FROM staged_usage_events", transaction: transaction, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return StoreText.ParseDateOrNull(text);
    }

    /// <summary>
    /// Drops the staged events of weeks before <paramref name="stagedFrom"/> (a Monday) and records it, inside the
    /// caller's transaction: those weeks' aggregates are final. Never moves the mark back.
    /// </summary>
    public static async Task PruneAsync(DbConnection connection, DbTransaction transaction, DateOnly stagedFrom, CancellationToken cancellationToken)
    {
        var from = StoreText.Date(stagedFrom);
        await ExecuteAsync(connection, transaction, "DELETE FROM staged_usage_events WHERE week_start < @from", new { from }, cancellationToken).ConfigureAwait(false);
        if (await PrunedBeforeAsync(connection, cancellationToken, transaction).ConfigureAwait(false) is not { } before || before < stagedFrom)
        {
            await ExecuteAsync(connection, transaction, "DELETE FROM staged_usage_pruned", new { }, cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, transaction, "INSERT INTO staged_usage_pruned (week_start) VALUES (@from)", new { from }, cancellationToken).ConfigureAwait(false);
        }
    }

    private static Task<int> ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, object parameters, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(new CommandDefinition(sql, parameters, transaction, cancellationToken: cancellationToken));
}
