using Dapper;

namespace ChurnWatch.Worker.Store;

/// <summary>Which weekly reports have been emailed to whom, so sending again sends only what has not gone out.</summary>
internal sealed class ReportDeliveryStore(StoreDatabase database, TimeProvider timeProvider)
{
    /// <summary>The owners (lower case) already sent the report of <paramref name="week"/>.</summary>
    public async Task<IReadOnlySet<string>> SentAsync(string week, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        var owners = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT owner_email FROM report_deliveries WHERE week = @week", new { week }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return owners.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Records one sent report; recording it twice keeps the first time.</summary>
    public async Task RecordAsync(string week, string ownerEmail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ownerEmail);
        var owner = ownerEmail.ToLowerInvariant();
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        // Check then insert: portable across the three dialects, and one process sends a week's reports at a time
        // (the reports job never overlaps itself, even in a cluster).
        var exists = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM report_deliveries WHERE week = @week AND owner_email = @owner", new { week, owner }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        if (exists == 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO report_deliveries (week, owner_email, sent_at) VALUES (@week, @owner, @sentAt)",
                new { week, owner, sentAt = StoreText.Instant(timeProvider.GetUtcNow().UtcDateTime) },
                cancellationToken: cancellationToken)).ConfigureAwait(false);
        }
    }
}
