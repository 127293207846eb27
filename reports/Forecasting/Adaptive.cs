namespace Warehouse.Reports.Forecasting;

/// <summary>A method that forecasts from every rolling origin in one pass, so calibration need not re-run it origin by origin.</summary>
public interface IRollingForecastMethod : IForecastMethod
{
    /// <summary>Forecasts <paramref name="h"/> steps from each origin <paramref name="firstOrigin"/>..y.Length (the last is the real forecast).</summary>
    IReadOnlyList<PointForecast> ForecastFromOrigins(double[] y, int h, int firstOrigin);
}

/// <summary>The product's default: per series, the members that forecast that series best from its own earlier origins,
/// averaged with equal weights.</summary>
/// <remarks>
/// No fixed mix suits every collection of yearly series: trend extrapolation wins where trends persist, naive and damped
/// methods where they do not. Each member is re-run from the series' earlier origins (rolling origin, the same origins as
/// the interval calibration) and scored by its absolute errors at horizons up to h; the better half of the members is kept
/// and averaged ("forecast pooling", Kourentzes et al. 2019): selection uses the series' own evidence, and averaging the
/// pool guards against the noise of choosing on a handful of errors. At each origin only errors already observable at that
/// origin are used, so the calibration errors are honest out-of-sample errors of the whole procedure. With too little
/// history to score (fewer than <see cref="MinimumScored"/> errors) all members are averaged.
/// </remarks>
public sealed class AdaptiveCombination : IRollingForecastMethod
{
    /// <summary>Fewest scored errors per member before selection replaces the plain average of all members.</summary>
    public const int MinimumScored = 3;

    private readonly Func<IForecastMethod>[] _members;

    /// <summary>The default members: the simple methods that differ in how they treat level and trend.</summary>
    public AdaptiveCombination(string name = "warehouse") : this(name,
        () => new Naive(), () => new RandomWalkDrift(), () => new ExponentialSmoothing(ExponentialSmoothing.Trend.None),
        () => new ExponentialSmoothing(ExponentialSmoothing.Trend.Linear), () => new ExponentialSmoothing(ExponentialSmoothing.Trend.Damped),
        () => new Theta())
    {
    }

    /// <summary>A pool of the given members (factories, because fitted methods keep per-call state).</summary>
    public AdaptiveCombination(string name, params Func<IForecastMethod>[] members)
    {
        Name = name;
        _members = members;
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <summary>Member names, in order.</summary>
    public IReadOnlyList<string> MemberNames => _members.Select(m => m().Name).ToList();

    /// <inheritdoc/>
    public PointForecast Forecast(double[] y, int h) => ForecastFromOrigins(y, h, Math.Max(Calibration.MinimumLength, y.Length - Calibration.MaxOrigins))[^1];

    /// <summary>Which members the last origin's pool kept (true = kept), for tests and explanations.</summary>
    public bool[] Pool(double[] y, int h)
    {
        var first = Math.Max(Calibration.MinimumLength, y.Length - Calibration.MaxOrigins);
        var paths = MemberPaths(y, h, first);
        return Select(y, paths, first, y.Length, h);
    }

    /// <inheritdoc/>
    public IReadOnlyList<PointForecast> ForecastFromOrigins(double[] y, int h, int firstOrigin)
    {
        firstOrigin = Math.Min(Math.Max(firstOrigin, Math.Min(Calibration.MinimumLength, y.Length)), y.Length);
        var paths = MemberPaths(y, h, firstOrigin);
        var result = new List<PointForecast>(paths.Length);
        for (var o = firstOrigin; o <= y.Length; o++)
        {
            var keep = Select(y, paths, firstOrigin, o, h);
            var fs = paths[o - firstOrigin];
            var mean = new double[h];
            var sigma = new double[h];
            var count = keep.Count(k => k);
            for (var m = 0; m < fs.Length; m++)
            {
                if (!keep[m]) continue;
                for (var k = 0; k < h; k++) { mean[k] += fs[m].Mean[k] / count; sigma[k] += fs[m].Sigma[k] / count; }
            }
            result.Add(new PointForecast(mean, sigma));
        }
        return result;
    }

    /// <summary>Each member's forecast from each origin (index origin − first).</summary>
    private PointForecast[][] MemberPaths(double[] y, int h, int first)
    {
        var paths = new PointForecast[y.Length - first + 1][];
        for (var o = first; o <= y.Length; o++)
        {
            var prefix = y[..o];
            paths[o - first] = _members.Select(m => m().Forecast(prefix, h)).ToArray();
        }
        return paths;
    }

    /// <summary>The better half of the members by absolute errors observable at <paramref name="origin"/> (ties keep more).</summary>
    private static bool[] Select(double[] y, PointForecast[][] paths, int first, int origin, int h)
    {
        var members = paths[0].Length;
        var error = new double[members];
        var scored = 0;
        for (var o = first; o < origin; o++)
            for (var k = 1; k <= h && o + k <= origin; k++)
            {
                scored++;
                for (var m = 0; m < members; m++) error[m] += Math.Abs(y[o + k - 1] - paths[o - first][m].Mean[k - 1]);
            }
        var keep = new bool[members];
        if (scored < MinimumScored) { Array.Fill(keep, true); return keep; }
        var cutoff = error.Order().ElementAt((members + 1) / 2 - 1);
        for (var m = 0; m < members; m++) keep[m] = error[m] <= cutoff;
        return keep;
    }
}
