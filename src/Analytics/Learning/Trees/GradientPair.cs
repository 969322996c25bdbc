namespace ChurnWatch.Analytics.Learning.Trees;

/// <summary>First and second derivative of the log loss of one row, or their sums over a histogram bin or a node.</summary>
internal struct GradientPair
{
    public double Gradient;
    public double Hessian;

    public GradientPair(double gradient, double hessian)
    {
        Gradient = gradient;
        Hessian = hessian;
    }
}
