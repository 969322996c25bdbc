using ChurnWatch.Worker.Configuration;

namespace ChurnWatch.Worker.Tests.TestSupport;

/// <summary>A real source database for a test, of one provider, created empty and removed afterwards.</summary>
internal abstract class TestSource : IAsyncDisposable
{
    public abstract SourceProvider Provider { get; }

    public abstract string ConnectionString { get; }

    /// <summary>Column types of the contract in this dialect: {TS} timestamp, {DATE} date, {BOOL} boolean, {MONEY} amount.</summary>
    protected abstract IReadOnlyDictionary<string, string> Types { get; }

    /// <summary>Runs SQL after replacing the type placeholders with this dialect's types.</summary>
    public async Task ExecuteAsync(string sql)
    {
        foreach (var (placeholder, type) in Types)
        {
            sql = sql.Replace(placeholder, type, StringComparison.Ordinal);
        }

        await ExecuteRawAsync(sql);
    }

    protected abstract Task ExecuteRawAsync(string sql);

    public abstract ValueTask DisposeAsync();
}
