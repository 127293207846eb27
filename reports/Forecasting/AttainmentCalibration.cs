using System.Globalization;
using Warehouse.Reports.Charts;

namespace Warehouse.Reports.Forecasting;

/// <summary>One bin of a reliability table: stated probabilities in [Lo, Hi), how many cases, their mean, and the share met.</summary>
public sealed record ReliabilityBin(double Lo, double Hi, int Cases, double MeanProbability, double Observed);

/// <summary>How well one source of probabilities did: Brier score, reliability bins, and the largest gap in a well-filled bin.</summary>
public sealed record ProbabilityScore(string Name, double Brier, IReadOnlyList<ReliabilityBin> Bins, double? WorstGap);

/// <summary>One synthetic target on held-out points: the stated probabilities (per source) and whether it was met.</summary>
public sealed record AttainmentCase(int Series, string Measure, int Step, bool Met, double[] Probabilities);

/// <summary>The attainment calibration of a benchmark set: every case, and each probability source's scores.</summary>
public sealed record AttainmentCalibrationReport(int Cases, IReadOnlyList<ProbabilityScore> Scores, IReadOnlyList<AttainmentCase> CaseList);

/// <summary>Checks the probability that a target is met (<see cref="Attainment.Assess"/>, the product's own code) against outcomes.</summary>
/// <remarks>
/// For each series the training part is what the product would have observed and the test part what happened. Targets are
/// set for every future year and each measure the product knows — level (stock), cumulative over a span that starts in an
/// observed or forecast year, and increment since an observed base year — as a plan would: the last observation plus a
/// yearly change drawn between the smallest and largest change in the history (widened by a quarter each way, so sure and
/// hopeless targets occur), never from the outcome itself; a quarter are ceilings (≤). The probabilities are compared with
/// two baselines: the base rate (the share met over all cases, a constant) and a normal distribution around the naive
/// forecast with its model-based σ.
/// </remarks>
public static class AttainmentCalibration
{
    /// <summary>Name of the product's probabilities in the scores.</summary>
    public const string ProductName = "product (default + calibrated intervals)";

    /// <summary>Bins with at least this many cases must be calibrated within <see cref="Tolerance"/>.</summary>
    public const int WellFilled = 100;

    /// <summary>Largest acceptable gap between stated and observed frequency in a well-filled bin.</summary>
    public const double Tolerance = 0.05;

    private const int FirstYear = 2000;

    /// <summary>Sets targets on every series' test part and scores the product's probabilities and the baselines.</summary>
    public static AttainmentCalibrationReport Run(List<(string Id, double[] Train, double[] Test)> series, int horizon, IForecastMethod method,
        int seed = 16)
    {
        // As the product's forecast job does: a method that learns from the collection sees every series' observed part first.
        if (method is ICollectionMethod collective) method = collective.Prepare(series.Select(s => s.Train).ToList(), horizon);
        var perSeries = new List<AttainmentCase>[series.Count];
        Parallel.For(0, series.Count, i =>
        {
            var (_, train, test) = series[i];
            var h = Math.Min(horizon, test.Length);
            var list = new List<AttainmentCase>();
            perSeries[i] = list;
            if (train.Length < Calibration.MinimumLength || h == 0) return;
            var observed = new Dictionary<int, double>();
            for (var t = 0; t < train.Length; t++) observed[FirstYear + t] = train[t];
            var last = FirstYear + train.Length - 1;
            var product = Calibration.Forecast(method, train, h);
            var naive = NaiveNormal(train, h);
            var rng = new Random(seed * 7919 + i);
            // Targets as a plan would set them, from the history alone: a yearly change drawn between the smallest and largest
            // change seen so far (widened by a quarter of that spread each way). Drawing them from the realised future instead
            // would favour the outcome: a target far above the forecast would only occur when the future did rise.
            var changes = Stats.Diff(train);
            double dLo = changes.Min(), dHi = changes.Max();
            var spread = dHi > dLo ? dHi - dLo : Math.Max(Stats.MeanAbsDiff(train), Math.Abs(train[^1]) * 0.01 + 1e-9);
            (dLo, dHi) = (dLo - spread / 4, dHi + spread / 4);
            double Level(int year) => year <= last ? observed[year] : test[year - last - 1];
            for (var k = 1; k <= h; k++)
            {
                var year = last + k;
                foreach (var measure in new[] { "stock", "cumulative", "increment" })
                {
                    var change = dLo + rng.NextDouble() * (dHi - dLo);
                    double Planned(int y) => y <= last ? observed[y] : train[^1] + (y - last) * change;
                    int spanStart; double actual, target;
                    switch (measure)
                    {
                        case "cumulative":
                            spanStart = Math.Min(year, last - 1 + rng.Next(3)); // starts one year before the last observation .. one after
                            actual = Enumerable.Range(spanStart, year - spanStart + 1).Sum(Level);
                            target = Enumerable.Range(spanStart, year - spanStart + 1).Sum(Planned);
                            break;
                        case "increment":
                            spanStart = last + rng.Next(2); // base year (spanStart − 1) is observed: the last or the one before
                            actual = Level(year) - Level(spanStart - 1);
                            target = Planned(year) - Level(spanStart - 1);
                            break;
                        default:
                            spanStart = year;
                            actual = Level(year);
                            target = Planned(year);
                            break;
                    }
                    var comparator = rng.Next(4) == 0 ? "<=" : ">=";
                    var spec = new TargetSpec(measure, comparator, target, year, spanStart, year);
                    var met = comparator == "<=" ? actual <= target : actual >= target;
                    var p = Attainment.Assess(spec, observed, product).Probability;
                    var q = Attainment.Assess(spec, observed, naive).Probability;
                    if (p is null || q is null) continue;
                    list.Add(new AttainmentCase(i, measure, k, met, [double.NaN, q.Value, p.Value]));
                }
            }
        });
        var cases = perSeries.SelectMany(c => c).ToList();
        var baseRate = cases.Count == 0 ? 0 : cases.Average(c => c.Met ? 1.0 : 0);
        foreach (var c in cases) c.Probabilities[0] = baseRate;
        string[] names = ["base rate", "naive forecast, normal", ProductName];
        var scores = names.Select((n, j) => Score(n, cases.Select(c => (c.Probabilities[j], c.Met)).ToList())).ToList();
        return new AttainmentCalibrationReport(cases.Count, scores, cases);
    }

    /// <summary>Brier score and a 10-bin reliability table of (probability, outcome) pairs.</summary>
    public static ProbabilityScore Score(string name, IReadOnlyList<(double P, bool Met)> cases)
    {
        var bins = Enumerable.Range(0, 10).Select(b =>
        {
            var inBin = cases.Where(c => Math.Min((int)(c.P * 10), 9) == b).ToList();
            return new ReliabilityBin(b / 10.0, (b + 1) / 10.0, inBin.Count, inBin.Count == 0 ? 0 : inBin.Average(c => c.P),
                inBin.Count == 0 ? 0 : inBin.Average(c => c.Met ? 1.0 : 0));
        }).ToList();
        var filled = bins.Where(b => b.Cases >= WellFilled).ToList();
        return new ProbabilityScore(name, cases.Count == 0 ? 0 : cases.Average(c => Math.Pow(c.P - (c.Met ? 1 : 0), 2)), bins,
            filled.Count == 0 ? null : filled.Max(b => Math.Abs(b.Observed - b.MeanProbability)));
    }

    /// <summary>The naive baseline: last value carried forward, normal intervals from its model σ (no calibration, no clipping).</summary>
    private static IntervalForecast NaiveNormal(double[] y, int h)
    {
        var f = new Naive().Forecast(y, h);
        var sigma = f.Sigma.Select(s => Math.Max(s, 1e-9)).ToArray();
        double[] Bound(double z) => f.Mean.Select((m, k) => m + z * sigma[k]).ToArray();
        return new IntervalForecast("naive", f.Mean, Bound(-1.2816), Bound(1.2816), Bound(-1.96), Bound(1.96));
    }

    /// <summary>Writes the reliability diagram: stated probability against the observed share met, with the ±5-point band.</summary>
    public static void WriteReliabilityPng(AttainmentCalibrationReport report, string path, string subtitle)
    {
        const int W = 1080, H = 1340;
        var svg = new Svg(W, H);
        var top = ChartFrame.Header(svg, "目标达成概率可靠性 / Attainment reliability", subtitle);
        double x0 = 130, x1 = W - 60, y0 = top + 60, y1 = y0 + (x1 - x0);
        double X(double p) => x0 + p * (x1 - x0);
        double Y(double p) => y1 - p * (y1 - y0);
        svg.Polygon([(X(0), Y(Tolerance)), (X(1 - Tolerance), Y(1)), (X(1), Y(1)), (X(1), Y(1 - Tolerance)), (X(Tolerance), Y(0)), (X(0), Y(0))],
            "#d9e8f5", 1);
        for (var t = 0; t <= 10; t++)
        {
            var v = t / 10.0;
            svg.Line(X(v), y0, X(v), y1, "#eeeeee").Line(x0, Y(v), x1, Y(v), "#eeeeee");
            svg.Text(X(v), y1 + 32, v.ToString("0.0", CultureInfo.InvariantCulture), 22, "#555", "middle");
            svg.Text(x0 - 12, Y(v) + 8, v.ToString("0.0", CultureInfo.InvariantCulture), 22, "#555", "end");
        }
        svg.Line(x0, y1, x1, y1, "#333", 2).Line(x0, y0, x0, y1, "#333", 2).Line(X(0), Y(0), X(1), Y(1), "#777", 2, "8,6");
        svg.Text((x0 + x1) / 2, y1 + 70, "预测概率 / stated probability", 26, "#222", "middle");
        svg.Text(30, y0 - 24, "实际达成比例 / observed share met", 26, "#222");
        var styles = new[] { ("#999999", 0), ("#e08214", 1), ("#2166ac", 2) };
        var legendY = y1 + 120.0;
        foreach (var (color, j) in styles.Skip(1))
        {
            var s = report.Scores[j];
            var pts = s.Bins.Where(b => b.Cases > 0).Select(b => (X(b.MeanProbability), Y(b.Observed))).ToList();
            svg.Polyline(pts, color, 3);
            foreach (var b in s.Bins.Where(b => b.Cases > 0))
                svg.Circle(X(b.MeanProbability), Y(b.Observed), b.Cases >= WellFilled ? 9 : 5, b.Cases >= WellFilled ? color : "#ffffff", color);
            svg.Line(x0, legendY - 8, x0 + 50, legendY - 8, color, 4).Circle(x0 + 25, legendY - 8, 8, color);
            svg.Text(x0 + 64, legendY, $"{s.Name}: Brier {s.Brier.ToString("0.000", CultureInfo.InvariantCulture)}", 24, "#222");
            legendY += 40;
        }
        string F3(double v) => v.ToString("0.000", CultureInfo.InvariantCulture);
        var baseRate = report.Scores[0];
        svg.Text(x0 + 64, legendY, $"base rate {F3(baseRate.Bins.First(b => b.Cases > 0).MeanProbability)}: Brier {F3(baseRate.Brier)}; "
            + $"shaded: within ±5 points; filled: bins with ≥{WellFilled} cases", 22, "#555");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        Raster.WritePng(svg.ToString(), W, H, path);
    }
}
