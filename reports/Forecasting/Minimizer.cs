namespace Warehouse.Reports.Forecasting;

/// <summary>Nelder–Mead downhill simplex that returns its best point when the iteration budget runs out
/// (MathNet's throws instead, and a good-enough smoothing fit is all a forecast needs).</summary>
public static class Minimizer
{
    /// <summary>Minimises <paramref name="f"/> from <paramref name="start"/>.</summary>
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
        for (var iter = 0; iter < maxIterations; iter++)
        {
            var order = Enumerable.Range(0, n + 1).OrderBy(i => values[i]).ToArray();
            simplex = order.Select(i => simplex[i]).ToArray();
            values = order.Select(i => values[i]).ToArray();
            if (Math.Abs(values[n] - values[0]) <= tolerance * (Math.Abs(values[0]) + 1e-12)) break;
            var centroid = new double[n];
            for (var i = 0; i < n; i++) for (var j = 0; j < n; j++) centroid[j] += simplex[i][j] / n;
            double[] Towards(double t) => centroid.Select((c, j) => c + t * (simplex[n][j] - c)).ToArray();
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
                        simplex[i] = simplex[i].Select((x, j) => simplex[0][j] + 0.5 * (x - simplex[0][j])).ToArray();
                        values[i] = f(simplex[i]);
                    }
            }
        }
        var best = Enumerable.Range(0, n + 1).MinBy(i => values[i]);
        return simplex[best];
    }
}
