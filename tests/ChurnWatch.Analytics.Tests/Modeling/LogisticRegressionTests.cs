using ChurnWatch.Analytics.Modeling;

namespace ChurnWatch.Analytics.Tests.Modeling;

public class LogisticRegressionTests
{
    [Fact]
    public void Fit_SeededSyntheticData_RecoversCoefficients()
    {
        double[] truth = [-1.0, 1.5, -2.0, 0.5];
        var (design, y) = Simulate(40_000, truth, seed: 11);

        var fit = LogisticRegression.Fit(design, y.Length, 3, y, l2: 0);

        // With 40k rows the standard errors are about 0.02; 0.08 is four of them.
        Assert.True(fit.Converged);
        Assert.Equal(truth[0], fit.Intercept, 0.08);
        for (var j = 0; j < 3; j++)
        {
            Assert.Equal(truth[j + 1], fit.Coefficients[j], 0.08);
        }
    }

    [Fact]
    public void Fit_StrongL2_ShrinksCoefficients()
    {
        var (design, y) = Simulate(5_000, [-1.0, 1.5, -2.0, 0.5], seed: 3);

        var loose = LogisticRegression.Fit(design, y.Length, 3, y, l2: 0);
        var tight = LogisticRegression.Fit(design, y.Length, 3, y, l2: 1);

        for (var j = 0; j < 3; j++)
        {
            Assert.True(Math.Abs(tight.Coefficients[j]) < Math.Abs(loose.Coefficients[j]) / 2);
        }
    }

    [Fact]
    public void Fit_GradientAtOptimum_IsZero()
    {
        var (design, y) = Simulate(2_000, [0.3, 1.0, -1.0, 0.0], seed: 5);
        const double l2 = 0.01;

        var fit = LogisticRegression.Fit(design, y.Length, 3, y, l2);

        var gradient = new double[4];
        for (var i = 0; i < y.Length; i++)
        {
            var eta = fit.Intercept + (design[i * 3] * fit.Coefficients[0]) + (design[(i * 3) + 1] * fit.Coefficients[1]) + (design[(i * 3) + 2] * fit.Coefficients[2]);
            var r = LogisticRegression.Sigmoid(eta) - y[i];
            gradient[0] += r / y.Length;
            for (var j = 0; j < 3; j++)
            {
                gradient[j + 1] += r * design[(i * 3) + j] / y.Length;
            }
        }

        Assert.Equal(0, gradient[0], 10);
        for (var j = 0; j < 3; j++)
        {
            Assert.Equal(0, gradient[j + 1] + (l2 * fit.Coefficients[j]), 10);
        }
    }

    [Fact]
    public void CholeskySolve_SmallSystem_SolvesExactly()
    {
        double[] a = [4, 2, 2, 3];
        var x = LogisticRegression.CholeskySolve(a, [2, 1], 2);

        Assert.Equal(0.5, x[0], 14);
        Assert.Equal(0.0, x[1], 14);
    }

    private static (double[] Design, double[] Y) Simulate(int n, double[] truth, int seed)
    {
        var random = new Random(seed);
        var design = new double[n * 3];
        var y = new double[n];
        for (var i = 0; i < n; i++)
        {
            var eta = truth[0];
            for (var j = 0; j < 3; j++)
            {
                var v = Gaussian(random);
                design[(i * 3) + j] = v;
                eta += truth[j + 1] * v;
            }

            y[i] = random.NextDouble() < LogisticRegression.Sigmoid(eta) ? 1 : 0;
        }

        return (design, y);
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
