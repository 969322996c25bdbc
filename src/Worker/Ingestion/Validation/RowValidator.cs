using System.Globalization;
using ChurnWatch.Worker.Store;

namespace ChurnWatch.Worker.Ingestion.Validation;

/// <summary>
/// Checks each source row of one entity in one run: its own columns (types, required values, ranges, through the
/// row type's <c>ToRecord</c>), duplicate keys, references to unknown accounts and timestamps in the future. A bad
/// row is quarantined with the reason and the run goes on; good rows pass through.
/// </summary>
/// <param name="earliestAllowed">Observed timestamps before this are refused, with <paramref name="tooEarly"/> as the reason; default none.</param>
/// <param name="tooEarly">Why a timestamp before <paramref name="earliestAllowed"/> is refused.</param>
internal sealed class RowValidator<TRecord>(
    EntityRules<TRecord> rules, string source, IReadOnlySet<string>? knownAccounts, DateTime latestAllowed, DateTime? earliestAllowed = null, string? tooEarly = null)
{
    private readonly HashSet<string> _keys = new(StringComparer.Ordinal);
    private readonly List<QuarantinedRow> _quarantined = [];
    private readonly List<string> _futureKeys = [];

    public IReadOnlyList<QuarantinedRow> Quarantined => _quarantined;

    public long Accepted { get; private set; }

    /// <summary>
    /// The keys of the rows refused only because they are dated later than allowed. When such a row is already in
    /// the store, the clock and the source disagree: an entity read whole must then not replace what is stored.
    /// </summary>
    public IReadOnlyList<string> FutureKeys => _futureKeys;

    public long Rejected => _quarantined.Count;

    /// <summary>Rejected share of the rows seen so far (0 when none were seen).</summary>
    public double RejectedShare => Accepted + Rejected == 0 ? 0 : (double)Rejected / (Accepted + Rejected);

    /// <summary>The record, or null when the row is quarantined.</summary>
    /// <param name="toRecord">Types and checks the row's own columns; throws <see cref="SourceDataException"/> when it cannot.</param>
    /// <param name="location">Where the row came from: file:line, or its key.</param>
    public TRecord? Check(Func<TRecord> toRecord, string location) =>
        Check((toRecord, location), static s => s.toRecord(), static s => s.location);

    /// <summary>
    /// As <see cref="Check(Func{TRecord}, string)"/>, for the hot path: <paramref name="locationOf"/> is called only
    /// when the row is refused, and static lambdas over <paramref name="row"/> allocate nothing per row.
    /// </summary>
    /// <param name="row">The raw row.</param>
    /// <param name="toRecord">Types and checks the row's own columns; throws <see cref="SourceDataException"/> when it cannot.</param>
    /// <param name="locationOf">Where the row came from, for the quarantine.</param>
    public TRecord? Check<TRow>(TRow row, Func<TRow, TRecord> toRecord, Func<TRow, string> locationOf)
    {
        ArgumentNullException.ThrowIfNull(toRecord);
        ArgumentNullException.ThrowIfNull(locationOf);
        TRecord record;
        try
        {
            record = toRecord(row);
        }
        catch (SourceDataException e)
        {
            return Refuse(locationOf(row), e.Column, e.Value, e.Reason ?? e.Message);
        }

        if (rules.Key is { } keyOf && keyOf(record) is var key && !_keys.Add(key))
        {
            return Refuse(locationOf(row), null, key, $"duplicate: another {rules.Entity} row in this read has the key '{key}'.");
        }

        if (rules.AccountId is { } accountOf && knownAccounts is not null && !knownAccounts.Contains(accountOf(record)))
        {
            return Refuse(locationOf(row), "account_id", accountOf(record), "refers to an account that is not in accounts.");
        }

        foreach (var instant in rules.Observed(record))
        {
            if (instant > latestAllowed)
            {
                var text = StoreText.Instant(instant);
                if (rules.Key is { } futureKeyOf)
                {
                    _futureKeys.Add(futureKeyOf(record));
                }

                return Refuse(locationOf(row), null, text, string.Create(CultureInfo.InvariantCulture, $"{text} is in the future (later than {StoreText.Instant(latestAllowed)})."));
            }

            if (instant < earliestAllowed)
            {
                var text = StoreText.Instant(instant);
                return Refuse(locationOf(row), null, text, string.Create(CultureInfo.InvariantCulture, $"{text} is before {StoreText.Instant(earliestAllowed.Value)}: {tooEarly}"));
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
