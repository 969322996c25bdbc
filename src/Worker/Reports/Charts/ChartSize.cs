namespace ChurnWatch.Worker.Reports.Charts;

/// <summary>The size of a chart in CSS pixels; the SVG scales with its viewBox, so this sets proportions and text size.</summary>
/// <param name="Width">Width; at least 160.</param>
/// <param name="Height">Height; at least 100.</param>
public readonly record struct ChartSize(double Width, double Height)
{
    /// <summary>A chart that fits half a report page.</summary>
    public static ChartSize Default => new(560, 300);
}
