namespace ChurnWatch.Worker.Reports.Charts;

/// <summary>The rectangle inside the axes, and the mapping of data values onto it.</summary>
/// <param name="Left">Left edge.</param>
/// <param name="Top">Top edge.</param>
/// <param name="Width">Width.</param>
/// <param name="Height">Height.</param>
internal readonly record struct PlotArea(double Left, double Top, double Width, double Height)
{
    /// <summary>Right edge.</summary>
    public double Right => Left + Width;

    /// <summary>Bottom edge: the x axis.</summary>
    public double Bottom => Top + Height;

    /// <summary>The x position of <paramref name="value"/> on <paramref name="scale"/>.</summary>
    public double X(NiceScale scale, double value) => Left + (scale.Fraction(value) * Width);

    /// <summary>The y position of <paramref name="value"/> on <paramref name="scale"/> (SVG y grows downwards).</summary>
    public double Y(NiceScale scale, double value) => Bottom - (scale.Fraction(value) * Height);
}
