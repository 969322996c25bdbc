namespace ChurnWatch.Worker.Reports.Charts;

/// <summary>
/// Cumulative gains: rows ranked by score, riskiest first; each point says what share of all positives (churners)
/// the top share of rows holds. Built from groups of rows with one score each, so it works both from single rows
/// and from the ranges of a calibration table (exact at the range edges).
/// </summary>
internal static class GainsCurve
{
    /// <summary>The curve from (0, 0) to (1, 1), one point per distinct score, highest score first.</summary>
    /// <param name="groups">Rows grouped by score: the score, the number of rows and how many of them were positive.</param>
    public static IReadOnlyList<ChartPoint> FromGroups(IEnumerable<(double Score, double Rows, double Positives)> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var ranked = groups.Where(g => g.Rows > 0)
            .GroupBy(g => g.Score)
            .Select(g => (Score: g.Key, Rows: g.Sum(x => x.Rows), Positives: g.Sum(x => x.Positives)))
            .OrderByDescending(g => g.Score)
            .ToList();
        var rows = ranked.Sum(g => g.Rows);
        var positives = ranked.Sum(g => g.Positives);
        var points = new List<ChartPoint>(ranked.Count + 1) { new(0, 0) };
        if (rows <= 0 || positives <= 0)
            return points;

        double rowsSoFar = 0, positivesSoFar = 0;
        foreach (var group in ranked)
        {
            rowsSoFar += group.Rows;
            positivesSoFar += group.Positives;
            points.Add(new ChartPoint(rowsSoFar / rows, positivesSoFar / positives));
        }

        return points;
    }

    /// <summary>
    /// The curve's value at <paramref name="share"/> of rows, interpolated between points: within a group of equal
    /// scores the ranking cannot choose, so positives are spread evenly, which is what the straight segment says.
    /// </summary>
    public static double At(IReadOnlyList<ChartPoint> curve, double share)
    {
        ArgumentNullException.ThrowIfNull(curve);
        for (var i = 1; i < curve.Count; i++)
        {
            if (curve[i].X >= share)
            {
                var (a, b) = (curve[i - 1], curve[i]);
                return b.X == a.X ? b.Y : a.Y + ((b.Y - a.Y) * (share - a.X) / (b.X - a.X));
            }
        }

        return curve.Count == 0 ? 0 : curve[^1].Y;
    }
}
