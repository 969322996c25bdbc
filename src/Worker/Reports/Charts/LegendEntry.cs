namespace ChurnWatch.Worker.Reports.Charts;

/// <summary>One entry of a chart legend.</summary>
/// <param name="Name">Series name.</param>
/// <param name="Colour">Series colour.</param>
/// <param name="Line">Draw a line sample rather than a filled swatch.</param>
/// <param name="Dashed">The line sample is dashed.</param>
internal sealed record LegendEntry(string Name, string Colour, bool Line = false, bool Dashed = false);
