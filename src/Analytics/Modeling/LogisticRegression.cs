using System.Numerics;

namespace ChurnWatch.Analytics.Modeling;

/// <summary>
/// L2-regularised logistic regression fitted by Newton's method (IRLS) with step halving.
/// Minimises mean log loss + (l2 / 2) x |w|^2 (intercept not penalised).
/// </summary>
/// <remarks>
/// Newton on a few dozen standardised columns converges in under ten passes and is exact to the tolerance, so the same
/// data gives the same bits. Row sums are split in fixed chunks, computed in parallel and added in chunk order, which
/// keeps the result independent of thread scheduling.
/// </remarks>
internal static class LogisticRegression
{
    private const int ChunkRows = 4096;
    private const int MaxIterations = 100;
    private const double Tolerance = 1e-9;

    public static LogisticFit Fit(double[] design, int rows, int columns, ReadOnlySpan<double> labels, double l2)
    {
        if (rows == 0)
        {
            throw new ArgumentException("No rows to fit.", nameof(rows));
        }

        var y = labels.ToArray();
        var p = columns + 1; // position 0 is the intercept
        var beta = new double[p];
        var loss = Loss(design, rows, columns, y, beta, l2);
        var iterations = 0;
        var converged = false;
        while (iterations < MaxIterations)
        {
            iterations++;
            var (gradient, hessian) = GradientAndHessian(design, rows, columns, y, beta);
            for (var j = 1; j < p; j++)
            {
                gradient[j] += l2 * beta[j];
                hessian[(j * p) + j] += l2;
            }

            for (var j = 0; j < p; j++)
            {
                // A whisker of ridge keeps the system solvable when a column is constant and l2 is 0.
                hessian[(j * p) + j] += 1e-10;
            }

            var step = CholeskySolve(hessian, gradient, p);
            var t = 1.0;
            double[] candidate;
            double candidateLoss;
            while (true)
            {
                candidate = new double[p];
                for (var j = 0; j < p; j++)
                {
                    candidate[j] = beta[j] - (t * step[j]);
                }

                candidateLoss = Loss(design, rows, columns, y, candidate, l2);
                if (candidateLoss <= loss + 1e-15 || t < 1e-6)
                {
                    break;
                }

                t /= 2;
            }

            var maxStep = 0.0;
            for (var j = 0; j < p; j++)
            {
                maxStep = Math.Max(maxStep, Math.Abs(candidate[j] - beta[j]));
            }

            beta = candidate;
            loss = candidateLoss;
            if (maxStep < Tolerance)
            {
                converged = true;
                break;
            }
        }

        return new LogisticFit(beta[0], beta[1..], iterations, converged);
    }

    /// <summary>The logistic function, stable for large |x|.</summary>
    public static double Sigmoid(double x) => x >= 0 ? 1.0 / (1.0 + Math.Exp(-x)) : Math.Exp(x) / (1.0 + Math.Exp(x));

    private static int ChunkCount(int rows) => (rows + ChunkRows - 1) / ChunkRows;

    private static double Linear(double[] design, int row, int columns, double[] beta)
    {
        var eta = beta[0];
        var offset = row * columns;
        for (var j = 0; j < columns; j++)
        {
            eta += design[offset + j] * beta[j + 1];
        }

        return eta;
    }

    private static double Loss(double[] design, int rows, int columns, double[] y, double[] beta, double l2)
    {
        var partial = new double[ChunkCount(rows)];
        Parallel.For(0, partial.Length, c =>
        {
            var sum = 0.0;
            var end = Math.Min(rows, (c + 1) * ChunkRows);
            for (var i = c * ChunkRows; i < end; i++)
            {
                var eta = Linear(design, i, columns, beta);
                // log(1 + e^eta) - y*eta, written to avoid overflow.
                sum += (eta > 0 ? eta + Math.Log(1 + Math.Exp(-eta)) : Math.Log(1 + Math.Exp(eta))) - (y[i] * eta);
            }

            partial[c] = sum;
        });
        var total = 0.0;
        foreach (var s in partial)
        {
            total += s;
        }

        var penalty = 0.0;
        for (var j = 1; j < beta.Length; j++)
        {
            penalty += beta[j] * beta[j];
        }

        return (total / rows) + (l2 / 2 * penalty);
    }

    private static (double[] Gradient, double[] Hessian) GradientAndHessian(double[] design, int rows, int columns, double[] y, double[] beta)
    {
        var p = columns + 1;
        var chunks = ChunkCount(rows);
        var gradients = new double[chunks][];
        var hessians = new double[chunks][];
        Parallel.For(0, chunks, c =>
        {
            var g = new double[p];
            var h = new double[p * p];
            var x = new double[p];
            x[0] = 1.0;
            var end = Math.Min(rows, (c + 1) * ChunkRows);
            for (var i = c * ChunkRows; i < end; i++)
            {
                Array.Copy(design, i * columns, x, 1, columns);
                var mu = Sigmoid(Linear(design, i, columns, beta));
                var residual = mu - y[i];
                var weight = mu * (1 - mu);
                for (var j = 0; j < p; j++)
                {
                    g[j] += residual * x[j];
                    AddScaled(h.AsSpan((j * p) + j, p - j), x.AsSpan(j, p - j), weight * x[j]);
                }
            }

            gradients[c] = g;
            hessians[c] = h;
        });

        var gradient = new double[p];
        var hessian = new double[p * p];
        for (var c = 0; c < chunks; c++)
        {
            for (var j = 0; j < p; j++)
            {
                gradient[j] += gradients[c][j];
            }

            for (var k = 0; k < hessian.Length; k++)
            {
                hessian[k] += hessians[c][k];
            }
        }

        for (var j = 0; j < p; j++)
        {
            gradient[j] /= rows;
            for (var k = j; k < p; k++)
            {
                hessian[(j * p) + k] /= rows;
                hessian[(k * p) + j] = hessian[(j * p) + k];
            }
        }

        return (gradient, hessian);
    }

    private static void AddScaled(Span<double> target, ReadOnlySpan<double> source, double scale)
    {
        var k = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var width = Vector<double>.Count;
            var s = new Vector<double>(scale);
            for (; k <= target.Length - width; k += width)
            {
                (new Vector<double>(target[k..]) + (s * new Vector<double>(source[k..]))).CopyTo(target[k..]);
            }
        }

        for (; k < target.Length; k++)
        {
            target[k] += scale * source[k];
        }
    }

    /// <summary>Solves A x = b for a symmetric positive definite A (row-major n x n).</summary>
    internal static double[] CholeskySolve(double[] a, double[] b, int n)
    {
        var l = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                var sum = a[(i * n) + j];
                for (var k = 0; k < j; k++)
                {
                    sum -= l[(i * n) + k] * l[(j * n) + k];
                }

                if (i == j)
                {
                    if (sum <= 0)
                    {
                        throw new InvalidOperationException("The Hessian is not positive definite; increase the L2 strength.");
                    }

                    l[(i * n) + i] = Math.Sqrt(sum);
                }
                else
                {
                    l[(i * n) + j] = sum / l[(j * n) + j];
                }
            }
        }

        var z = new double[n];
        for (var i = 0; i < n; i++)
        {
            var sum = b[i];
            for (var k = 0; k < i; k++)
            {
                sum -= l[(i * n) + k] * z[k];
            }

            z[i] = sum / l[(i * n) + i];
        }

        var x = new double[n];
        for (var i = n - 1; i >= 0; i--)
        {
            var sum = z[i];
            for (var k = i + 1; k < n; k++)
            {
                sum -= l[(k * n) + i] * x[k];
            }

            x[i] = sum / l[(i * n) + i];
        }

        return x;
    }
}
