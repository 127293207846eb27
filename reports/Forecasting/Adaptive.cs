using System.Runtime.CompilerServices;

namespace Warehouse.Reports.Forecasting;

/// <summary>A method that forecasts from every rolling origin in one pass, so calibration need not re-run it origin by origin.</summary>
public interface IRollingForecastMethod : IForecastMethod
{
    /// <summary>Forecasts <paramref name="h"/> steps from each origin <paramref name="firstOrigin"/>..y.Length
    /// (the last is the real forecast).</summary>
    IReadOnlyList<PointForecast> ForecastFromOrigins(double[] y, int h, int firstOrigin);
}

/// <summary>A method that learns from the whole collection it is about to forecast (only from the series' own histories).</summary>
public interface ICollectionMethod : IForecastMethod
{
    /// <summary>A copy of the method that has seen <paramref name="collection"/> (each series' observed values only).</summary>
    IForecastMethod Prepare(IReadOnlyList<double[]> collection, int h);
}

/// <summary>The product's default: six simple methods weighted, per series, by how well they forecast that series from its
/// own earlier origins, with that evidence shrunk towards the evidence of the most similar series of the collection.</summary>
/// <remarks>
/// No fixed mix suits every collection of yearly series: trend extrapolation wins where trends persist (macro-economic
/// aggregates), naive and smoothing where they do not (prices, finance). Each member is re-run from the series' earlier
/// origins (the same origins the interval calibration uses) and scored, step by step (1..h), by its absolute errors at that
/// step divided by the mean error of all members (relative error, so easy and hard series count alike). A dozen errors per series
/// make a noisy score, so when the method has seen a collection it averages the series' own relative errors with the mean
/// relative errors of its <see cref="Neighbours"/> nearest series by trend strength, trend persistence, length and volatility
/// ("pooling by series features"), the series' own counting n / (n + <see cref="AdaptiveSettings.PooledErrors"/>) for n
/// scored errors: the more origins a series has been scored from, the more its own evidence counts. Weights are a softmax of the scores (<see cref="AdaptiveSettings.Temperature"/>):
/// inverse squared scores (Bates–Granger) left the naive and SES members about a tenth of the weight each even on smooth
/// trending series, where they are twice as wrong; near-ties are still averaged. A step too far ahead to have been scored
/// from enough origins borrows the mean score of the other steps. At each origin only errors already observable at that origin are used, so the
/// calibration errors are out-of-sample errors of the whole procedure. With fewer than <see cref="MinimumScored"/> own
/// errors at a step, the members' weights come from the neighbours alone, or are equal without a collection.
/// </remarks>
public sealed class AdaptiveCombination : IRollingForecastMethod, ICollectionMethod
{
    /// <summary>Fewest scored errors of a series before its own evidence counts.</summary>
    public const int MinimumScored = 3;

    /// <summary>Similar series whose evidence is pooled with a series' own (fewer in small collections).</summary>
    public const int Neighbours = 50;

    /// <summary>Smallest collection worth pooling; below it every series relies on its own errors.</summary>
    public const int MinimumCollection = 20;

    private readonly Func<IForecastMethod>[] _members;
    private readonly Collection? _collection;
    private readonly AdaptiveSettings _settings;
    private readonly ConditionalWeakTable<double[], PointForecast[][]> _paths = new();

    private static readonly Func<IForecastMethod>[] DefaultMembers =
    [
        () => new Naive(), () => new RandomWalkDrift(), () => new ExponentialSmoothing(ExponentialSmoothing.Trend.None),
        () => new ExponentialSmoothing(ExponentialSmoothing.Trend.Linear), () => new ExponentialSmoothing(ExponentialSmoothing.Trend.Damped),
        () => new Theta(),
    ];

    /// <summary>The default members: naive, drift, SES, Holt, damped, Theta — they differ in how they treat level and trend.</summary>
    public AdaptiveCombination(string name = "warehouse") : this(name, null, DefaultMembers, new AdaptiveSettings())
    {
    }

    /// <summary>The default members with other settings (for comparing designs).</summary>
    public AdaptiveCombination(AdaptiveSettings settings, string name = "warehouse") : this(name, null, DefaultMembers, settings)
    {
    }

    /// <summary>A combination of the given members (factories, because fitted methods keep per-call state).</summary>
    public AdaptiveCombination(string name, params Func<IForecastMethod>[] members) : this(name, null, members, new AdaptiveSettings())
    {
    }

    private AdaptiveCombination(string name, Collection? collection, Func<IForecastMethod>[] members, AdaptiveSettings settings)
    {
        Name = name;
        _members = members;
        _collection = collection;
        _settings = settings;
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <summary>Member names, in order.</summary>
    public IReadOnlyList<string> MemberNames => _members.Select(m => m().Name).ToList();

    /// <inheritdoc/>
    public IForecastMethod Prepare(IReadOnlyList<double[]> collection, int h)
    {
        var usable = collection.Where(y => y.Length >= Calibration.MinimumLength).ToList();
        if (usable.Count < MinimumCollection) return new AdaptiveCombination(Name, null, _members, _settings);
        var result = new AdaptiveCombination(Name, null, _members, _settings);
        var features = new double[usable.Count][];
        var relative = new double[]?[usable.Count][];
        Parallel.For(0, usable.Count, i =>
        {
            var y = usable[i];
            var first = FirstOrigin(y);
            var paths = result.Paths(y, h, first);
            features[i] = Features(y);
            relative[i] = RelativeBySteps(Errors(y, paths, first, y.Length, h, out var scored), scored);
        });
        var keep = Enumerable.Range(0, usable.Count).Where(i => relative[i][0] != null).ToList();
        if (keep.Count < MinimumCollection) return result;
        var f = keep.Select(i => features[i]).ToArray();
        var sd = Enumerable.Range(0, f[0].Length).Select(j => Math.Max(1e-9, StdDev(f.Select(v => v[j])))).ToArray();
        var pooled = new AdaptiveCombination(Name, new Collection(f, keep.Select(i => relative[i]).ToArray(), sd), _members, _settings);
        // Hand the fitted paths over: the benchmark forecasts the very same arrays next, and refitting would double the time.
        for (var i = 0; i < usable.Count; i++)
            if (result._paths.TryGetValue(usable[i], out var p)) pooled._paths.AddOrUpdate(usable[i], p);
        return pooled;
    }

    /// <inheritdoc/>
    public PointForecast Forecast(double[] y, int h) => ForecastFromOrigins(y, h, FirstOrigin(y))[^1];

    /// <summary>The members' weights for the series' final forecast, for tests and explanations.</summary>
    public double[][] Weights(double[] y, int h)
    {
        var first = FirstOrigin(y);
        return Weights(y, Paths(y, h, first), first, y.Length, h, Pooled(y), _settings);
    }

    /// <inheritdoc/>
    public IReadOnlyList<PointForecast> ForecastFromOrigins(double[] y, int h, int firstOrigin)
    {
        firstOrigin = Math.Clamp(firstOrigin, Math.Min(Calibration.MinimumLength, y.Length), y.Length);
        var paths = Paths(y, h, firstOrigin);
        var prior = Pooled(y);
        var result = new List<PointForecast>(paths.Length);
        for (var o = firstOrigin; o <= y.Length; o++)
        {
            var w = Weights(y, paths, firstOrigin, o, h, prior, _settings);
            var fs = paths[o - firstOrigin];
            var mean = new double[h];
            var sigma = new double[h];
            for (var m = 0; m < fs.Length; m++)
                for (var k = 0; k < h; k++) { mean[k] += fs[m].Mean[k] * w[k][m]; sigma[k] += fs[m].Sigma[k] * w[k][m]; }
            result.Add(new PointForecast(mean, sigma));
        }
        return result;
    }

    private static int FirstOrigin(double[] y) => Math.Max(Calibration.MinimumLength, y.Length - Calibration.MaxOrigins);

    /// <summary>Each member's forecast from each origin (index origin − first), cached per series array.</summary>
    private PointForecast[][] Paths(double[] y, int h, int first)
    {
        if (_paths.TryGetValue(y, out var cached) && cached.Length == y.Length - first + 1 && cached[^1][0].Mean.Length >= h)
            return cached;
        var paths = new PointForecast[y.Length - first + 1][];
        for (var o = first; o <= y.Length; o++)
        {
            var prefix = y[..o];
            var methods = _members.Select(m => m()).ToArray();
            var forecasts = new PointForecast[methods.Length];
            ExponentialSmoothing? ses = null;
            var sesIndex = -1;
            for (var m = 0; m < methods.Length; m++)
            {
                if (methods[m] is Theta && ses != null)
                {
                    forecasts[m] = Theta.FromSes(prefix, h, forecasts[sesIndex], ses.Parameters.Alpha);
                    continue;
                }
                forecasts[m] = methods[m].Forecast(prefix, h);
                if (methods[m] is ExponentialSmoothing { Name: "ses" } e) (ses, sesIndex) = (e, m);
            }
            paths[o - first] = forecasts;
        }
        _paths.AddOrUpdate(y, paths);
        return paths;
    }

    /// <summary>Sum of each member's absolute errors observable at <paramref name="origin"/>, per step ([k][m]),
    /// and how many points per step.</summary>
    private static double[][] Errors(double[] y, PointForecast[][] paths, int first, int origin, int h, out int[] scored)
    {
        var members = paths[0].Length;
        var error = new double[h][];
        scored = new int[h];
        for (var k = 1; k <= h; k++)
        {
            error[k - 1] = new double[members];
            for (var o = first; o + k <= origin; o++)
            {
                scored[k - 1]++;
                for (var m = 0; m < members; m++) error[k - 1][m] += Math.Abs(y[o + k - 1] - paths[o - first][m].Mean[k - 1]);
            }
        }
        return error;
    }

    /// <summary>Relative errors per step, where the step has at least <see cref="MinimumScored"/> points (else null).</summary>
    private static double[]?[] RelativeBySteps(double[][] error, int[] scored) =>
        error.Select((e, k) => scored[k] >= MinimumScored ? Relative(e) : null).ToArray();

    /// <summary>Errors divided by their mean over members (null when every member was exact).</summary>
    private static double[]? Relative(double[] error)
    {
        var mean = error.Average();
        return mean <= 0 ? null : error.Select(e => e / mean).ToArray();
    }

    /// <summary>Weights [k][m] for each step: softmax of the score (own relative error averaged with the neighbours').</summary>
    private static double[][] Weights(double[] y, PointForecast[][] paths, int first, int origin, int h, double[]?[]? prior,
        AdaptiveSettings settings)
    {
        var members = paths[0].Length;
        var own = RelativeBySteps(Errors(y, paths, first, origin, h, out var scored), scored);
        var scores = new double[]?[h];
        for (var k = 0; k < h; k++)
        {
            var p = prior != null && k < prior.Length ? prior[k] : null;
            // The neighbours' mean counts as PooledErrors errors of the series' own: a series scored from many origins
            // leans on its own evidence, one scored from three or four (8-year series) mostly on its neighbours'.
            var ownShare = scored[k] / (scored[k] + settings.PooledErrors);
            scores[k] = own[k] is { } o ? (p == null ? o : o.Select((r, m) => ownShare * r + (1 - ownShare) * p[m]).ToArray()) : p;
        }
        // A step without evidence (too few origins that far ahead) borrows the other steps' mean score rather than equal weights.
        var known = scores.Where(x => x != null).ToList();
        var across = known.Count == 0 ? null : Enumerable.Range(0, members).Select(m => known.Average(x => x![m])).ToArray();
        var result = new double[h][];
        for (var k = 0; k < h; k++)
            result[k] = (scores[k] ?? across) is { } score ? settings.Weigh(score) : Enumerable.Repeat(1.0 / members, members).ToArray();
        return result;
    }

    /// <summary>Mean relative errors of the series' nearest neighbours in the collection, or null without one.</summary>
    private double[]?[]? Pooled(double[] y)
    {
        if (_collection is not { } c) return null;
        var nearest = Nearest(y, c).Select(i => c.Relative[i]).ToList();
        var steps = nearest.Max(r => r.Length);
        return Enumerable.Range(0, steps).Select(s =>
        {
            var scoredHere = nearest.Where(r => s < r.Length && r[s] != null).Select(r => r[s]!).ToList();
            return scoredHere.Count == 0 ? null : Enumerable.Range(0, scoredHere[0].Length).Select(m => scoredHere.Average(r => r[m])).ToArray();
        }).ToArray();
    }

    /// <summary>Indices of the series' nearest neighbours in the collection by standardised feature distance.</summary>
    private IEnumerable<int> Nearest(double[] y, Collection c)
    {
        var f = Features(y);
        var k = Math.Min(_settings.Neighbours, c.Features.Length);
        // The k nearest by standardised Euclidean distance, kept sorted in a small array (k ≪ collection size).
        var bestDistance = new double[k];
        var bestIndex = new int[k];
        var filled = 0;
        for (var i = 0; i < c.Features.Length; i++)
        {
            double d = 0;
            for (var j = 0; j < f.Length; j++)
            {
                var z = (c.Features[i][j] - f[j]) / c.Scale[j];
                d += z * z;
            }
            if (filled == k && d >= bestDistance[k - 1]) continue;
            var at = filled < k ? filled++ : k - 1;
            for (; at > 0 && bestDistance[at - 1] > d; at--) (bestDistance[at], bestIndex[at]) = (bestDistance[at - 1], bestIndex[at - 1]);
            (bestDistance[at], bestIndex[at]) = (d, i);
        }
        return bestIndex.Take(filled);
    }

    /// <summary>Trend strength (mean yearly change over its spread), trend persistence (lag-1 autocorrelation of the changes),
    /// log length, and log volatility (spread of the yearly changes over the mean absolute level).</summary>
    /// <remarks>Volatility separates smooth aggregates from erratic prices and balances that trend strength alone mixes up:
    /// without it, a noisy series with a run of rises borrowed the evidence of steady growers.</remarks>
    public static double[] Features(double[] y)
    {
        var d = Stats.Diff(y);
        var mean = d.Average();
        var sd = StdDev(d);
        var strength = sd > 0 ? Math.Clamp(mean / sd, -5, 5) : Math.Sign(mean) * 5.0;
        double num = 0, den = 0;
        for (var t = 0; t < d.Length; t++)
        {
            den += (d[t] - mean) * (d[t] - mean);
            if (t > 0) num += (d[t] - mean) * (d[t - 1] - mean);
        }
        var level = y.Average(Math.Abs);
        var volatility = level > 0 && sd > 0 ? Math.Log(sd / level) : Math.Log(1e-6);
        return [strength, den > 0 ? num / den : 0, Math.Log(y.Length), Math.Max(Math.Log(1e-6), volatility)];
    }

    private static double StdDev(IEnumerable<double> v)
    {
        var a = v as double[] ?? v.ToArray();
        if (a.Length < 2) return 0;
        var m = a.Average();
        return Math.Sqrt(a.Sum(x => (x - m) * (x - m)) / (a.Length - 1));
    }

    /// <summary>What the method learnt from a collection: standardisation scales, features and relative errors per series.</summary>
    private sealed record Collection(double[][] Features, double[]?[][] Relative, double[] Scale);
}

/// <summary>How <see cref="AdaptiveCombination"/> turns members' scores into weights.</summary>
public sealed record AdaptiveSettings
{
    /// <summary>Softmax temperature over the scores (relative errors, mean 1): a member 0.1 worse than the best gets e⁻¹ of
    /// its weight. Chosen with <see cref="PooledErrors"/> on the dev halves of M3 and of a second, public collection
    /// (0.1–0.3 × 10–40); 0.2, chosen on M3 alone, left the trend methods too little weight where trends persist.</summary>
    public double Temperature { get; init; } = 0.1;

    /// <summary>Similar series whose evidence is pooled with a series' own.</summary>
    public int Neighbours { get; init; } = AdaptiveCombination.Neighbours;

    /// <summary>How many of a series' own scored errors the neighbours' mean score counts as: the series' own relative errors
    /// at a step get the share n / (n + this) of the score, n being its scored errors at that step (10 at step 1 and 5 at
    /// step 6 on a long series, 4 at step 1 on an 8-year one). Chosen with <see cref="Temperature"/> on the dev halves of M3
    /// and of the public collection: a dozen errors of one series say less about its members than fifty similar series do,
    /// and with the sharper softmax the series' own noisy evidence must count for less still.</summary>
    public double PooledErrors { get; init; } = 40;

    /// <summary>Normalised weights from scores (lower is better); the best member's weight never underflows.</summary>
    public double[] Weigh(double[] score)
    {
        var min = score.Min();
        var w = score.Select(s => Math.Exp(-(s - min) / Temperature)).ToArray();
        var sum = w.Sum();
        return w.Select(v => v / sum).ToArray();
    }
}
