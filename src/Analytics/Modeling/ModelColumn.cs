namespace ChurnWatch.Analytics.Modeling;

/// <summary>
/// One input column of a linear model: how a raw feature becomes a standardised value, and its coefficient.
/// </summary>
/// <remarks>
/// Value columns: <c>t = log1p(raw)</c> when <see cref="Log1p"/> (else <c>t = raw</c>); a missing raw value is imputed
/// with <see cref="Center"/> (the training mean of <c>t</c>), so its standardised value is 0; then
/// <c>z = (t - Center) / Scale</c>. Missing-indicator columns: <c>t = 1</c> when the raw value is missing, else 0.
/// A column with <see cref="Scale"/> 0 was constant in training and always gives <c>z = 0</c>.
/// </remarks>
/// <param name="Name">Column name: the feature name, or <c>&lt;feature&gt;_missing</c> for an indicator.</param>
/// <param name="Feature">The raw feature the column reads.</param>
/// <param name="IsMissingIndicator">True for a missing-value indicator.</param>
/// <param name="Log1p">True when the value is log1p-transformed first.</param>
/// <param name="Center">Training mean of the transformed value.</param>
/// <param name="Scale">Training standard deviation of the transformed value (0 = constant).</param>
/// <param name="Coefficient">Weight on the standardised value in the logit.</param>
public sealed record ModelColumn(
    string Name,
    string Feature,
    bool IsMissingIndicator,
    bool Log1p,
    double Center,
    double Scale,
    double Coefficient)
{
    /// <summary>The standardised value of this column for a raw feature value.</summary>
    public double Standardise(double raw)
    {
        double t;
        if (IsMissingIndicator)
        {
            t = double.IsNaN(raw) ? 1.0 : 0.0;
        }
        else if (double.IsNaN(raw))
        {
            return 0.0;
        }
        else
        {
            t = Log1p ? SignedLog1p(raw) : raw;
        }

        return Scale > 0 ? (t - Center) / Scale : 0.0;
    }

    /// <summary>log1p that keeps the sign, so an unexpected negative amount does not produce NaN.</summary>
    internal static double SignedLog1p(double v) => v >= 0 ? Math.Log(1.0 + v) : -Math.Log(1.0 - v);
}
