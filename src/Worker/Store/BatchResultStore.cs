using Dapper;

namespace ChurnWatch.Worker.Store;

/// <summary>
/// The batch jobs of a step spread over the nodes (<c>batch_results</c>): each batch's state, node and result, which
/// the step waits for and gathers. The results are cleared once gathered; the rows stay two days as a record of which
/// node ran which batch.
/// </summary>
internal sealed class BatchResultStore(StoreDatabase database)
{
    private static readonly string[] Columns = ["fan_out", "batch", "status", "node", "started_at", "finished_at", "error", "result"];

    /// <summary>Records that a batch started on a node (again, after a node that ran it died: the row is replaced).</summary>
    public async Task StartAsync(string fanOut, int batch, string node, DateTime now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            database.Dialect.Upsert("batch_results", Columns, ["fan_out", "batch"]),
            new { fan_out = fanOut, batch, status = "running", node, started_at = StoreText.Instant(now), finished_at = (string?)null, error = (string?)null, result = (string?)null },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>Records a batch's end: its result (succeeded) or its error (failed).</summary>
    public async Task FinishAsync(string fanOut, int batch, bool succeeded, string? result, string? error, DateTime now, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE batch_results SET status = @status, finished_at = @finished, result = @result, error = @error WHERE fan_out = @fanOut AND batch = @batch",
            new { status = succeeded ? "succeeded" : "failed", finished = StoreText.Instant(now), result, error, fanOut, batch },
            cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>Every recorded batch of a fan-out: number, status, node and error, without the results.</summary>
    public async Task<IReadOnlyList<BatchState>> StatesAsync(string fanOut, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        // Read as a tuple: the batch number is a 64-bit integer on SQLite, a 32-bit one on the servers.
        var rows = await connection.QueryAsync<(long Batch, string Status, string Node, string? Error)>(new CommandDefinition(
            "SELECT batch, status, node, error FROM batch_results WHERE fan_out = @fanOut ORDER BY batch",
            new { fanOut }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        return [.. rows.Select(r => new BatchState((int)r.Batch, r.Status, r.Node, r.Error))];
    }

    /// <summary>One batch's result, or null when it has none.</summary>
    public async Task<string?> ResultAsync(string fanOut, int batch, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        return await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            "SELECT result FROM batch_results WHERE fan_out = @fanOut AND batch = @batch", new { fanOut, batch }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>Clears a fan-out's results, and deletes the rows of batches that started before <paramref name="staleBefore"/>.</summary>
    public async Task ClearAsync(string fanOut, DateTime staleBefore, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE batch_results SET result = NULL WHERE fan_out = @fanOut", new { fanOut }, cancellationToken: cancellationToken)).ConfigureAwait(false);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM batch_results WHERE started_at < @stale", new { stale = StoreText.Instant(staleBefore) }, cancellationToken: cancellationToken)).ConfigureAwait(false);
    }
}
