using System.Globalization;
using ChurnWatch.Worker.Store;

namespace ChurnWatch.Worker.Ingestion.Validation;

/// <summary>
/// Checks each source row of one entity in one run: its own columns (types, required values, ranges, through the
/// row type's <c>ToRecord</c>), duplicate keys, references to unknown accounts and timestamps in the future. A bad
/// row is quarantined with the reason and the run goes on; good rows pass through.
/// </summary>
internal sealed class RowValidator<TRecord>(EntityRules<TRecord> rules, string source, IReadOnlySet<string>? knownAccounts, DateTime latestAllowed)
{
    private readonly HashSet<string> _keys = new(StringComparer.Ordinal);
    private readonly List<QuarantinedRow> _quarantined = [];

    public IReadOnlyList<QuarantinedRow> Quarantined => _quarantined;

    public long Accepted { get; private set; }

    public long Rejected => _quarantined.Count;

    /// <summary>Rejected share of the rows seen so far (0 when none were seen).</summary>
    public double RejectedShare => Accepted + Rejected == 0 ? 0 : (double)Rejected / (Accepted + Rejected);

    /// <summary>The record, or null when the row is quarantined.</summary>
    /// <param name="toRecord">Types and checks the row's own columns; throws <see cref="SourceDataException"/> when it cannot.</param>
    /// <param name="location">Where the row came from: file:line, or its key.</param>
    public TRecord? Check(Func<TRecord> toRecord, string location)
    {
        TRecord record;
        try
        {
            record = toRecord();
        }
        catch (SourceDataException e)
        {
            return Refuse(location, e.Column, e.Value, e.Reason ?? e.Message);
        }

        if (rules.Key is { } keyOf && keyOf(record) is var key && !_keys.Add(key))
        {
            return Refuse(location, null, key, $"duplicate: another {rules.Entity} row in this read has the key '{key}'.");
        }

        if (rules.AccountId is { } accountOf && knownAccounts is not null && !knownAccounts.Contains(accountOf(record)))
        {
            return Refuse(location, "account_id", accountOf(record), "refers to an account that is not in accounts.");
        }

        foreach (var instant in rules.Observed(record))
        {
            if (instant > latestAllowed)
            {
                var text = StoreText.Instant(instant);
                return Refuse(location, null, text, string.Create(CultureInfo.InvariantCulture, $"{text} is in the future (later than {StoreText.Instant(latestAllowed)})."));
            }
        }

        Accepted++;
        return record;
    }

    private TRecord? Refuse(string location, string? column, string? value, string reason)
    {
        _quarantined.Add(new QuarantinedRow(rules.Entity, source, location, column, value, reason));
        return default;
    }
}
