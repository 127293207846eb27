namespace Warehouse.Reports.Forecasting;

/// <summary>Nelder–Mead downhill simplex that returns its best point when the iteration budget runs out
/// (MathNet's throws instead, and a good-enough smoothing fit is all a forecast needs).</summary>
/// <remarks>Written without LINQ: every forecast fits it a dozen times (rolling origins), so allocations showed in the benchmark.</remarks>
public static class Minimizer
{
    /// <summary>Minimises <paramref name="f"/> from <paramref name="start"/>.</summary>
    // Thousands of fits per run: compiled optimised at once instead of running unoptimised until the runtime tiers it up.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static double[] NelderMead(Func<double[], double> f, double[] start, int maxIterations = 300, double step = 0.5, double tolerance = 1e-8)
    {
        var n = start.Length;
        var simplex = new double[n + 1][];
        var values = new double[n + 1];
        simplex[0] = (double[])start.Clone();
        for (var i = 0; i < n; i++)
        {
            simplex[i + 1] = (double[])start.Clone();
            simplex[i + 1][i] += step;
        }
        for (var i = 0; i <= n; i++) values[i] = f(simplex[i]);
        var centroid = new double[n];
        for (var iter = 0; iter < maxIterations; iter++)
        {
            SortStable(simplex, values);
            if (Math.Abs(values[n] - values[0]) <= tolerance * (Math.Abs(values[0]) + 1e-12)) break;
            Array.Clear(centroid);
            for (var i = 0; i < n; i++) for (var j = 0; j < n; j++) centroid[j] += simplex[i][j] / n;
            double[] Towards(double t)
            {
                var p = new double[n];
                for (var j = 0; j < n; j++) p[j] = centroid[j] + t * (simplex[n][j] - centroid[j]);
                return p;
            }
            var reflected = Towards(-1);
            var fr = f(reflected);
            if (fr < values[0])
            {
                var expanded = Towards(-2);
                var fe = f(expanded);
                (simplex[n], values[n]) = fe < fr ? (expanded, fe) : (reflected, fr);
            }
            else if (fr < values[n - 1]) (simplex[n], values[n]) = (reflected, fr);
            else
            {
                var contracted = fr < values[n] ? Towards(-0.5) : Towards(0.5);
                var fc = f(contracted);
                if (fc < Math.Min(fr, values[n])) (simplex[n], values[n]) = (contracted, fc);
                else
                    for (var i = 1; i <= n; i++)
                    {
                        var shrunk = new double[n];
                        for (var j = 0; j < n; j++) shrunk[j] = simplex[0][j] + 0.5 * (simplex[i][j] - simplex[0][j]);
                        simplex[i] = shrunk;
                        values[i] = f(shrunk);
                    }
            }
        }
        var best = 0;
        for (var i = 1; i <= n; i++) if (values[i] < values[best]) best = i;
        return simplex[best];
    }

    /// <summary>Insertion sort by value, stable like the OrderBy it replaces, so fits stay bit-for-bit the same.</summary>
    private static void SortStable(double[][] points, double[] values)
    {
        for (var i = 1; i < values.Length; i++)
        {
            var (p, v) = (points[i], values[i]);
            var j = i - 1;
            for (; j >= 0 && values[j] > v; j--) (points[j + 1], values[j + 1]) = (points[j], values[j]);
            (points[j + 1], values[j + 1]) = (p, v);
        }
    }
}
