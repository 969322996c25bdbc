using ChurnWatch.Analytics.Signals;

namespace ChurnWatch.Worker.Reports;

/// <summary>How many open signals of one kind a report lists, and how many of them are new this week.</summary>
/// <param name="Kind">The kind.</param>
/// <param name="Count">Open signals of the kind, new ones included.</param>
/// <param name="New">Of those, first seen this week.</param>
public sealed record SignalCount(SignalKind Kind, int Count, int New = 0)
{
    /// <summary>Open signals of the kind that were already open last week.</summary>
    public int Carried => Count - New;

    /// <summary>Counts the rows' open signals per kind, every kind included (zero too) in enum order, so the chart never changes shape.</summary>
    public static IReadOnlyList<SignalCount> FromRows(IEnumerable<AccountRiskRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var signals = rows.SelectMany(r => r.Signals).ToList();
        return Enum.GetValues<SignalKind>()
            .Select(k => new SignalCount(k, signals.Count(s => s.Kind == k), signals.Count(s => s.Kind == k && s.IsNew)))
            .ToList();
    }
}
