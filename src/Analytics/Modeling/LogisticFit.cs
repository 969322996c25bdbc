namespace ChurnWatch.Analytics.Modeling;

/// <summary>A fitted logistic regression: intercept, coefficients and how the optimiser ended.</summary>
/// <param name="Intercept">The intercept (not penalised).</param>
/// <param name="Coefficients">One weight per design column.</param>
/// <param name="Iterations">Newton steps taken.</param>
/// <param name="Converged">True when the last step was below the tolerance.</param>
internal sealed record LogisticFit(double Intercept, double[] Coefficients, int Iterations, bool Converged);
