namespace ChurnWatch.Worker.Reports.Charts;

/// <summary>How an axis prints its values.</summary>
internal enum ValueFormat
{
    /// <summary>Plain numbers with as many decimals as the tick step needs.</summary>
    Number = 0,

    /// <summary>Fractions printed as percentages (0.25 prints as 25%).</summary>
    Percent = 1,

    /// <summary>Large amounts shortened with k and M (1 250 000 prints as 1.25M), for ARR.</summary>
    Compact = 2,
}
