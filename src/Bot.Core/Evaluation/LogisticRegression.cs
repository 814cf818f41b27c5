namespace Bot.Core.Evaluation;

/// <summary>
/// L2-regularised logistic regression fitted by Newton's method: small and exact enough for the handful of
/// features the extractive answerer's confidence model has. The first feature is taken to be the intercept
/// and is not regularised.
/// </summary>
public static class LogisticRegression
{
    /// <param name="weights">Per-example weights (default 1 each): a small set fitted beside a large one counts as much.</param>
    public static double[] Fit(IReadOnlyList<double[]> features, IReadOnlyList<bool> labels, double l2 = 1.0, int iterations = 30,
        IReadOnlyList<double>? weights = null)
    {
        if (features.Count == 0) throw new ArgumentException("Nothing to fit.", nameof(features));
        if (features.Count != labels.Count) throw new ArgumentException("One label per feature vector is needed.", nameof(labels));
        if (weights is not null && weights.Count != features.Count) throw new ArgumentException("One weight per feature vector is needed.", nameof(weights));
        var d = features[0].Length;
        var w = new double[d];
        for (var iteration = 0; iteration < iterations; iteration++)
        {
            var gradient = new double[d];
            var hessian = new double[d, d];
            for (var n = 0; n < features.Count; n++)
            {
                var x = features[n];
                var p = Sigmoid(Dot(w, x));
                var weight = weights?[n] ?? 1;
                var error = weight * (p - (labels[n] ? 1 : 0));
                var curvature = weight * Math.Max(p * (1 - p), 1e-9);
                for (var i = 0; i < d; i++)
                {
                    gradient[i] += error * x[i];
                    for (var j = 0; j < d; j++) hessian[i, j] += curvature * x[i] * x[j];
                }
            }
            for (var i = 1; i < d; i++)
            {
                gradient[i] += l2 * w[i];
                hessian[i, i] += l2;
            }
            for (var i = 0; i < d; i++) hessian[i, i] += 1e-9;
            var step = Solve(hessian, gradient);
            var largest = 0.0;
            for (var i = 0; i < d; i++)
            {
                w[i] -= step[i];
                largest = Math.Max(largest, Math.Abs(step[i]));
            }
            if (largest < 1e-8) break;
        }
        return w;
    }

    public static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));

    private static double Dot(double[] w, double[] x)
    {
        var sum = 0.0;
        for (var i = 0; i < w.Length; i++) sum += w[i] * x[i];
        return sum;
    }

    /// <summary>Solves A·x = b by Gaussian elimination with partial pivoting (A is small and positive definite).</summary>
    private static double[] Solve(double[,] a, double[] b)
    {
        var n = b.Length;
        var m = (double[,])a.Clone();
        var x = (double[])b.Clone();
        for (var col = 0; col < n; col++)
        {
            var pivot = col;
            for (var row = col + 1; row < n; row++)
                if (Math.Abs(m[row, col]) > Math.Abs(m[pivot, col])) pivot = row;
            if (pivot != col)
            {
                for (var k = 0; k < n; k++) (m[col, k], m[pivot, k]) = (m[pivot, k], m[col, k]);
                (x[col], x[pivot]) = (x[pivot], x[col]);
            }
            for (var row = col + 1; row < n; row++)
            {
                var factor = m[row, col] / m[col, col];
                for (var k = col; k < n; k++) m[row, k] -= factor * m[col, k];
                x[row] -= factor * x[col];
            }
        }
        for (var row = n - 1; row >= 0; row--)
        {
            for (var k = row + 1; k < n; k++) x[row] -= m[row, k] * x[k];
            x[row] /= m[row, row];
        }
        return x;
    }
}
