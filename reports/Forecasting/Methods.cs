using MathNet.Numerics;

namespace Warehouse.Reports.Forecasting;

/// <summary>Point forecasts for horizons 1..h and the method's own (model-based) standard deviation per horizon.</summary>
public sealed record PointForecast(double[] Mean, double[] Sigma);

/// <summary>A forecasting method for short yearly series.</summary>
public interface IForecastMethod
{
    /// <summary>Name as printed in benchmarks and stored in fact_forecast.</summary>
    string Name { get; }

    /// <summary>Forecasts <paramref name="h"/> steps ahead from the series <paramref name="y"/>.</summary>
    PointForecast Forecast(double[] y, int h);
}

/// <summary>Naive: the last value carries forward.</summary>
public sealed class Naive : IForecastMethod
{
    public string Name => "naive";

    public PointForecast Forecast(double[] y, int h)
    {
        var s = Stats.Rmse(Stats.Diff(y));
        return new(Enumerable.Repeat(y[^1], h).ToArray(), Enumerable.Range(1, h).Select(k => s * Math.Sqrt(k)).ToArray());
    }
}

/// <summary>Random walk with drift: the last value plus the average yearly change.</summary>
public sealed class RandomWalkDrift : IForecastMethod
{
    public string Name => "rw_drift";

    public PointForecast Forecast(double[] y, int h)
    {
        var n = y.Length;
        var drift = (y[^1] - y[0]) / (n - 1);
        var d = Stats.Diff(y);
        var s = Math.Sqrt(d.Sum(x => (x - drift) * (x - drift)) / Math.Max(1, d.Length - 1));
        return new(Enumerable.Range(1, h).Select(k => y[^1] + k * drift).ToArray(),
            Enumerable.Range(1, h).Select(k => s * Math.Sqrt(k * (1.0 + (double)k / (n - 1)))).ToArray());
    }
}

/// <summary>Exponential smoothing with additive errors: simple (no trend), Holt (linear trend) or damped trend,
/// parameters fitted by maximum likelihood (for Gaussian additive errors, least squares of one-step errors).</summary>
public sealed class ExponentialSmoothing(ExponentialSmoothing.Trend trend) : IForecastMethod
{
    /// <summary>Trend component.</summary>
    public enum Trend { None, Linear, Damped }

    public string Name => trend switch { Trend.None => "ses", Trend.Linear => "holt", _ => "damped" };

    /// <summary>Fitted smoothing parameters of the last call (alpha, beta, phi), for tests.</summary>
    public (double Alpha, double Beta, double Phi) Parameters { get; private set; }

    public PointForecast Forecast(double[] y, int h)
    {
        var start = trend == Trend.None ? new[] { 0.5 } : trend == Trend.Linear ? new[] { 0.5, 0.1 } : new[] { 0.5, 0.1, 0.95 };
        var best = Minimizer.NelderMead(v => Sse(y, Unpack(v)), start.Select(Logit).ToArray());
        var (a, b, phi) = Unpack(best);
        Parameters = (a, b, phi);
        var (level, slope, sse) = Run(y, a, b, phi);
        var sigma = Math.Sqrt(sse / Math.Max(1, y.Length - start.Length - 1));
        var mean = new double[h];
        var sd = new double[h];
        double cumPhi = 0, varSum = 0;
        for (var k = 1; k <= h; k++)
        {
            cumPhi += Math.Pow(phi, k);
            mean[k - 1] = level + (trend == Trend.None ? 0 : cumPhi * slope);
            // Variance of the k-step error: σ²(1 + Σ_{j<k} c_j²) with c_j = α + αβ·(φ + … + φ^j).
            if (k > 1)
            {
                var cj = a + (trend == Trend.None ? 0 : a * b * Enumerable.Range(1, k - 1).Sum(i => Math.Pow(phi, i)));
                varSum += cj * cj;
            }
            sd[k - 1] = sigma * Math.Sqrt(1 + varSum);
        }
        return new(mean, sd);
    }

    private (double A, double B, double Phi) Unpack(double[] v)
    {
        var a = Squash(v[0], 0.0001, 0.9999);
        // The slope updates by αβ·e, so 0 < β < 1 keeps the model admissible.
        var b = trend == Trend.None ? 0 : Squash(v[1], 0.0001, 0.9999);
        var phi = trend == Trend.Damped ? Squash(v[2], 0.8, 0.98) : 1.0;
        return (a, b, phi);
    }

    private double Sse(double[] y, (double A, double B, double Phi) p) => Run(y, p.A, p.B, p.Phi).Sse;

    // Called thousands of times in one run (every fit, every origin): compiled optimised at once, not first unoptimised.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private (double Level, double Slope, double Sse) Run(double[] y, double a, double b, double phi)
    {
        double level = y[0], slope = trend == Trend.None ? 0 : y[1] - y[0], sse = 0;
        for (var t = 1; t < y.Length; t++)
        {
            var f = level + phi * slope;
            var e = y[t] - f;
            sse += e * e;
            var newLevel = f + a * e;
            slope = trend == Trend.None ? 0 : phi * slope + a * b * e;
            level = newLevel;
        }
        return (level, slope, sse);
    }

    private static double Logit(double p) => Math.Log(p / (1 - p));

    private static double Squash(double x, double lo, double hi) => lo + (hi - lo) / (1 + Math.Exp(-x));
}

/// <summary>The Theta method (Assimakopoulos–Nikolopoulos; Hyndman–Billah form): simple exponential smoothing plus half the linear-trend slope.</summary>
public sealed class Theta : IForecastMethod
{
    public string Name => "theta";

    public PointForecast Forecast(double[] y, int h)
    {
        var ses = new ExponentialSmoothing(ExponentialSmoothing.Trend.None);
        return FromSes(y, h, ses.Forecast(y, h), ses.Parameters.Alpha);
    }

    /// <summary>Theta from an SES fit already made on the same series (combinations fit SES anyway).</summary>
    public static PointForecast FromSes(double[] y, int h, PointForecast f, double sesAlpha)
    {
        var n = y.Length;
        var alpha = Math.Max(sesAlpha, 0.0001);
        var (_, slope) = Fit.Line(Enumerable.Range(1, n).Select(i => (double)i).ToArray(), y);
        var mean = Enumerable.Range(1, h).Select(k => f.Mean[k - 1] + slope / 2 * (k - 1 + 1 / alpha - Math.Pow(1 - alpha, n) / alpha)).ToArray();
        return new(mean, f.Sigma);
    }
}

/// <summary>Linear trend fitted by least squares, or log-linear (constant growth rate) for positive series.</summary>
public sealed class TrendRegression(bool logScale) : IForecastMethod
{
    public string Name => logScale ? "loglinear" : "linear";

    public PointForecast Forecast(double[] y, int h)
    {
        var n = y.Length;
        var useLog = logScale && y.All(v => v > 0);
        var z = useLog ? y.Select(v => Math.Log(v)).ToArray() : y;
        var x = Enumerable.Range(1, n).Select(i => (double)i).ToArray();
        var (a, b) = Fit.Line(x, z);
        var resid = Math.Sqrt(x.Select((xi, i) => Math.Pow(z[i] - (a + b * xi), 2)).Sum() / Math.Max(1, n - 2));
        var xbar = x.Average();
        var sxx = x.Sum(xi => (xi - xbar) * (xi - xbar));
        var mean = new double[h];
        var sd = new double[h];
        for (var k = 1; k <= h; k++)
        {
            var x0 = n + k;
            var se = resid * Math.Sqrt(1 + 1.0 / n + (x0 - xbar) * (x0 - xbar) / sxx);
            var m = a + b * x0;
            mean[k - 1] = useLog ? Math.Exp(m) : m;
            sd[k - 1] = useLog ? Math.Exp(m) * se : se; // delta method on the log scale
        }
        return new(mean, sd);
    }
}

/// <summary>The mean of several methods' point forecasts; on yearly data such combinations are the strongest simple forecasters.</summary>
public sealed class Combination(string name, params IForecastMethod[] members) : IForecastMethod
{
    public string Name => name;

    /// <summary>The methods combined.</summary>
    public IReadOnlyList<IForecastMethod> Members => members;

    public PointForecast Forecast(double[] y, int h)
    {
        var fs = members.Select(m => m.Forecast(y, h)).ToList();
        return new(Enumerable.Range(0, h).Select(k => fs.Average(f => f.Mean[k])).ToArray(),
            Enumerable.Range(0, h).Select(k => fs.Average(f => f.Sigma[k])).ToArray());
    }
}

/// <summary>Small statistics helpers on arrays.</summary>
public static class Stats
{
    /// <summary>First differences.</summary>
    public static double[] Diff(double[] y) => Enumerable.Range(1, y.Length - 1).Select(i => y[i] - y[i - 1]).ToArray();

    /// <summary>Root mean square.</summary>
    public static double Rmse(double[] e) => e.Length == 0 ? 0 : Math.Sqrt(e.Sum(x => x * x) / e.Length);

    /// <summary>Mean absolute first difference: the MASE scale.</summary>
    public static double MeanAbsDiff(double[] y) => y.Length < 2 ? 0 : Diff(y).Average(Math.Abs);
}
