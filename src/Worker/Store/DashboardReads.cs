using System.Text.Json;
using ChurnWatch.Analytics.Modeling;
using ChurnWatch.Analytics.Scoring;
using ChurnWatch.Worker.Dashboard;
using ChurnWatch.Worker.Store;
using Dapper;

namespace ChurnWatch.Worker.Store;

/// <summary>
/// The store reads the pages need beyond what the stores already offer: accounts with their newest score and
/// contract, one account's history, the newest model. Read-only; the lifecycle writes go through SignalStore.
/// </summary>
internal sealed class DashboardReads(StoreDatabase database, SignalStore signals)
{
    // The stored backtest uses the property names of BacktestReport as System.Text.Json writes them by default.
    private static readonly JsonSerializerOptions Json = new() { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    /// <summary>Every account with its newest score (if scored), ARR and renewal now, and its live signal kinds.</summary>
    public async Task<IReadOnlyList<AccountSummary>> AccountsAsync(DateTime now, CancellationToken cancellationToken)
    {
        var at = StoreText.Instant(now);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var accounts = await connection.QueryAsync<(string Id, string Name, string Owner, string Segment)>(new CommandDefinition(
            "SELECT account_id, name, owner_email, segment FROM accounts", cancellationToken: cancellationToken)).ConfigureAwait(false);
        var subscriptions = (await connection.QueryAsync<(string Id, double Mrr, string? Renewal)>(new CommandDefinition(
            "SELECT account_id, mrr, renewal_date FROM subscriptions WHERE started_at <= @at AND (ended_at IS NULL OR ended_at > @at)",
            new { at }, cancellationToken: cancellationToken)).ConfigureAwait(false)).ToLookup(s => s.Id, StringComparer.Ordinal);
        var scores = (await connection.QueryAsync<(string Id, double Churn, string Band)>(new CommandDefinition(
            "SELECT account_id, churn_probability, band FROM scores WHERE as_of = (SELECT MAX(as_of) FROM scores)",
            cancellationToken: cancellationToken)).ConfigureAwait(false)).ToDictionary(s => s.Id, StringComparer.Ordinal);
        var live = (await signals.LiveAsync(cancellationToken).ConfigureAwait(false)).ToLookup(s => s.AccountId, StringComparer.Ordinal);
        var today = DateOnly.FromDateTime(now);
        return accounts.Select(a =>
        {
            var subs = subscriptions[a.Id].ToList();
            var renewal = subs.Select(s => ParseDay(s.Renewal)).Where(d => d >= today).Min();
            var scored = scores.TryGetValue(a.Id, out var s);
            return new AccountSummary(a.Id, a.Name, a.Owner, a.Segment, subs.Sum(x => x.Mrr) * 12, scored ? s.Churn : null, scored ? s.Band : null, renewal,
                live[a.Id].Select(x => x.Kind).Distinct(StringComparer.Ordinal).ToList());
        }).ToList();
    }

    /// <summary>Churn probability per scoring date, oldest first.</summary>
    public async Task<IReadOnlyList<(DateOnly AsOf, double Churn)>> RiskHistoryAsync(string accountId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<(string AsOf, double Churn)>(new CommandDefinition(
            "SELECT as_of, churn_probability FROM scores WHERE account_id = @accountId ORDER BY as_of", new { accountId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => (StoreText.ParseDate(r.AsOf), r.Churn)).ToList();
    }

    /// <summary>The words of the account's newest score: reasons, context and what moved it; empty when it was never scored.</summary>
    public async Task<ScoreWords> WordsAsync(string accountId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var row = await connection.QuerySingleOrDefaultAsync<(string Reasons, string Context, string Changes)?>(new CommandDefinition(
            "SELECT reasons, context, changes FROM scores WHERE account_id = @accountId AND as_of = (SELECT MAX(as_of) FROM scores WHERE account_id = @accountId)",
            new { accountId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return row is not { } r
            ? ScoreWords.None
            : new ScoreWords(Reasons(r.Reasons), r.Context, Reasons(r.Changes));
    }

    private static List<ScoreReason> Reasons(string json) => JsonSerializer.Deserialize<List<ScoreReason>>(json) ?? [];

    /// <summary>Weekly active users (distinct users across all features) per week, oldest first.</summary>
    public async Task<IReadOnlyList<(DateOnly Week, int Users)>> WeeklyUsersAsync(string accountId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<(string Week, long Users)>(new CommandDefinition(
            "SELECT week_start, active_users FROM usage_weekly WHERE account_id = @accountId AND feature = '*' ORDER BY week_start",
            new { accountId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => (ParseDay(r.Week)!.Value, (int)r.Users)).ToList();
    }

    /// <summary>The account's tickets, newest first.</summary>
    public async Task<IReadOnlyList<(string Id, string Opened, string? Resolved, string Priority, bool SlaBreached, long? Csat)>> TicketsAsync(string accountId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<(string, string, string?, string, long, long?)>(new CommandDefinition(
            "SELECT ticket_id, opened_at, resolved_at, priority, sla_breached, csat FROM tickets WHERE account_id = @accountId ORDER BY opened_at DESC",
            new { accountId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.Select(r => (r.Item1, r.Item2, r.Item3, r.Item4, r.Item5 != 0, r.Item6)).ToList();
    }

    /// <summary>The account's invoices, newest first.</summary>
    public async Task<IReadOnlyList<(string Id, string Issued, string Due, string? Paid, double Amount, string Currency, string Status)>> InvoicesAsync(string accountId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<(string, string, string, string?, double, string, string)>(new CommandDefinition(
            "SELECT invoice_id, issued_at, due_at, paid_at, amount, currency, status FROM invoices WHERE account_id = @accountId ORDER BY issued_at DESC",
            new { accountId }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return rows.ToList();
    }

    /// <summary>Every signal of the account, live and resolved.</summary>
    public async Task<IReadOnlyList<StoredSignal>> SignalsOfAsync(string accountId, CancellationToken cancellationToken)
    {
        var live = await signals.LiveAsync(cancellationToken).ConfigureAwait(false);
        var resolved = await signals.ListAsync(SignalStates.Resolved, cancellationToken).ConfigureAwait(false);
        return live.Concat(resolved).Where(s => s.AccountId == accountId).OrderByDescending(s => s.LastSeen, StringComparer.Ordinal).ToList();
    }

    /// <summary>The newest churn model: learner, when trained, data as of, and its backtest; null when none is stored.</summary>
    public async Task<(string Learner, string TrainedAt, string DataAsOf, BacktestReport? Backtest)?> ChurnModelAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var rows = await connection.QueryAsync<(string Learner, string TrainedAt, string DataAsOf, string Backtest)>(new CommandDefinition(
            "SELECT learner, trained_at, data_as_of, backtest FROM models WHERE target = 'Churn' AND trained_at = (SELECT MAX(trained_at) FROM models WHERE target = 'Churn') ORDER BY model_id",
            cancellationToken: cancellationToken)).ConfigureAwait(false);
        foreach (var row in rows)
        {
            BacktestReport? backtest;
            try
            {
                backtest = JsonSerializer.Deserialize<BacktestReport>(row.Backtest, Json);
            }
            catch (JsonException)
            {
                // A backtest written by another version still leaves the learner and dates worth showing.
                backtest = null;
            }

            return (row.Learner, row.TrainedAt, row.DataAsOf, backtest);
        }

        return null;
    }

    // Dates are stored as yyyy-MM-dd or as instants (yyyy-MM-ddTHH:mm:ssZ); the day is the first ten characters.
    internal static DateOnly? ParseDay(string? text) =>
        text is { Length: >= 10 } && DateOnly.TryParseExact(text[..10], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day) ? day : null;
}
