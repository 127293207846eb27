namespace Warehouse.Reports.Forecasting;

/// <summary>A forecast with calibrated 80% and 95% prediction intervals.</summary>
public sealed record IntervalForecast(string Method, double[] Mean, double[] Lo80, double[] Hi80, double[] Lo95, double[] Hi95)
{
    /// <summary>Rolling origins whose errors set the intervals (0 when unknown): how well the interval widths are known.</summary>
    public int Origins { get; init; }

    /// <summary>Where outcomes are as likely above as below: the point forecast shifted by the median of its own rolling-origin
    /// errors (null when unknown, then the point forecast); attainment probabilities are centred here.</summary>
    public double[]? Median { get; init; }
}

/// <summary>Prediction intervals from the series' own out-of-sample errors.</summary>
/// <remarks>
/// Model-based intervals on yearly data are far too narrow (R's 95% covers 78–84% on M3) because they ignore that the
/// model itself is uncertain. Here the method is re-run from earlier origins of the same series (rolling origin), its
/// h-step errors are scaled by the series' mean absolute yearly change and by h (errors of trend extrapolation grow about
/// linearly with the horizon), pooled, and their conformal quantile sets the half-width. With few pooled errors the
/// quantile is unreliable, so the half-width is never narrower than the method's own model-based interval.
/// Lower bounds stop at zero for series that never go below zero (counts and amounts).
/// </remarks>
public static class Calibration
{
    /// <summary>Fewest observations to forecast at all; shorter series get no forecast ("too few observations").</summary>
    public const int MinimumLength = 4;

    /// <summary>Fewest rolling origins whose errors alone set the intervals; with fewer, the model's own interval is the floor.</summary>
    public const int MinimumOrigins = 3;

    /// <summary>Most rolling origins used for calibration (the latest ones).</summary>
    public const int MaxOrigins = 10;

    /// <summary>Forecasts with calibrated intervals.</summary>
    public static IntervalForecast Forecast(IForecastMethod method, double[] y, int h)
    {
        if (y.Length < MinimumLength) throw new ArgumentException($"需要至少 {MinimumLength} 个观测值 / at least {MinimumLength} observations are needed, got {y.Length}");
        var scale = ScaleOf(y);
        var scaled = new List<double>();
        var first = Math.Max(MinimumLength, y.Length - MaxOrigins);
        // A rolling method gives every origin's forecast in one pass (it also needs them to choose its members).
        var rolled = method is IRollingForecastMethod r ? r.ForecastFromOrigins(y, h, first) : null;
        var f = rolled != null ? rolled[^1] : method.Forecast(y, h);
        for (var origin = first; origin < y.Length; origin++)
        {
            var steps = Math.Min(h, y.Length - origin);
            var g = rolled != null ? rolled[origin - first] : method.Forecast(y[..origin], steps);
            for (var k = 1; k <= steps; k++) scaled.Add((y[origin + k - 1] - g.Mean[k - 1]) / (scale * k));
        }
        // Where outcomes fell relative to the forecast (median signed error): the centre of the attainment probability.
        var signed = scaled.Order().ToList();
        var bias = signed.Count == 0 ? 0 : signed.Count % 2 == 1 ? signed[signed.Count / 2] : (signed[signed.Count / 2 - 1] + signed[signed.Count / 2]) / 2;
        for (var i = 0; i < scaled.Count; i++) scaled[i] = Math.Abs(scaled[i]);
        scaled.Sort();
        var origins = y.Length - first;
        var (q80, q95) = Quantiles(scaled, origins);
        var nonNegative = y.All(v => v >= 0);
        var lo80 = new double[h]; var hi80 = new double[h]; var lo95 = new double[h]; var hi95 = new double[h];
        for (var k = 1; k <= h; k++)
        {
            var m = f.Mean[k - 1];
            var w80 = q80 * scale * k;
            var w95 = q95 * scale * k;
            // Too few origins to estimate a quantile (series of 4–6 years): never narrower than the model's own interval.
            if (origins < MinimumOrigins) (w80, w95) = (Math.Max(w80, 1.2816 * f.Sigma[k - 1]), Math.Max(w95, 1.96 * f.Sigma[k - 1]));
            // A 95% interval narrower than a normal one relative to the 80% would claim thinner tails than a normal's.
            w95 = Math.Max(w95, w80 * 1.53);
            lo80[k - 1] = m - w80; hi80[k - 1] = m + w80;
            lo95[k - 1] = m - w95; hi95[k - 1] = m + w95;
            if (nonNegative) { lo80[k - 1] = Math.Max(0, lo80[k - 1]); lo95[k - 1] = Math.Max(0, lo95[k - 1]); }
        }
        return new IntervalForecast(method.Name, f.Mean, lo80, hi80, lo95, hi95)
        {
            Origins = origins,
            Median = f.Mean.Select((v, i) => v + bias * scale * (i + 1)).ToArray(),
        };
    }

    /// <summary>The 80% and 95% quantiles of a series' sorted absolute scaled errors from <paramref name="origins"/> origins.</summary>
    public static (double Q80, double Q95) Quantiles(IReadOnlyList<double> sortedAbs, int origins)
    {
        // With fewer than 8 origins the corrected 80% level passes 0.9 and reaches for the largest of all pooled errors (at 4
        // origins, the very largest: 85% coverage on 8-year series); the 80% width stops at 0.9.
        var q80 = Quantile(sortedAbs, 0.80, origins, Max80Level);
        // A 95% width narrower than a normal one relative to the (uncapped) 80% would claim thinner tails than a normal's.
        var q95 = Math.Max(Quantile(sortedAbs, 0.95, origins), 1.53 * Quantile(sortedAbs, 0.80, origins));
        return (q80, q95);
    }

    /// <summary>The series' error scale: its mean absolute yearly change (1% of its mean level when it never changes).</summary>
    private static double ScaleOf(double[] y)
    {
        var scale = Stats.MeanAbsDiff(y);
        return scale > 0 ? scale : Math.Max(Math.Abs(y.Average()) * 0.01, 1e-9);
    }

    /// <summary>Highest corrected level of the 80% quantile: halfway from 0.8 to 1 (see <see cref="Forecast"/>).</summary>
    public const double Max80Level = 0.9;

    /// <summary>Conformal quantile of sorted values: the ⌈(n+1)p⌉-th smallest; past the end, the largest, widened.</summary>
    public static double Quantile(IReadOnlyList<double> sorted, double p)
    {
        if (sorted.Count == 0) return 0;
        var rank = (int)Math.Ceiling((sorted.Count + 1) * p);
        return rank <= sorted.Count ? sorted[rank - 1] : sorted[^1] * (1 + (rank - sorted.Count) / (double)sorted.Count);
    }

    /// <summary>Quantile of pooled values that come in <paramref name="blocks"/> correlated groups (one per origin): the
    /// level p·(blocks+1)/blocks, interpolated between order statistics; past the largest value, that value widened.</summary>
    /// <remarks>The errors of one origin share its level and slope errors, so the finite-sample correction counts origins,
    /// not points; counting points would give 95% intervals that cover about 92%.</remarks>
    public static double Quantile(IReadOnlyList<double> sorted, double p, int blocks, double maxLevel = double.MaxValue)
    {
        if (sorted.Count == 0 || blocks <= 0) return 0;
        var level = Math.Min(p * (blocks + 1) / blocks, maxLevel);
        var pos = Math.Min(level, 1) * sorted.Count - 0.5;
        if (pos <= 0) return sorted[0];
        if (pos >= sorted.Count - 1) return sorted[^1] * Math.Max(1, level);
        var lo = (int)Math.Floor(pos);
        return sorted[lo] + (pos - lo) * (sorted[lo + 1] - sorted[lo]);
    }

    /// <summary>Standard deviation implied by a 95% interval around <paramref name="mean"/>: the wider half, because a lower bound
    /// stopped at zero (counts, amounts) would otherwise shrink σ and make probabilities overconfident.</summary>
    public static double SigmaFrom95(double mean, double lo95, double hi95) => Math.Max(hi95 - mean, mean - lo95) / 1.96;

    /// <summary>Standard deviation implied by an 80% interval around <paramref name="mean"/> (the wider half, as
    /// <see cref="SigmaFrom95(double, double, double)"/>).</summary>
    public static double SigmaFrom80(double mean, double lo80, double hi80) => Math.Max(hi80 - mean, mean - lo80) / PredictiveDistribution.Z80;
}
