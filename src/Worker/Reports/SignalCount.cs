using ChurnWatch.Analytics.Signals;

namespace ChurnWatch.Worker.Reports;

/// <summary>How many open signals of one kind a report lists.</summary>
internal sealed record SignalCount(SignalKind Kind, int Count)
{
    /// <summary>Counts the rows' open signals per kind, every kind included (zero too) in enum order, so the chart never changes shape.</summary>
    public static IReadOnlyList<SignalCount> FromRows(IEnumerable<AccountRiskRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var counts = rows.SelectMany(r => r.Signals).GroupBy(s => s.Kind).ToDictionary(g => g.Key, g => g.Count());
        return Enum.GetValues<SignalKind>().Select(k => new SignalCount(k, counts.GetValueOrDefault(k))).ToList();
    }
}
