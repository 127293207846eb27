using System.Globalization;
using ScottPlot;
using Warehouse.Reports.Briefing;
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
        var f = new Figure(Figure.StandardWidth, 1400);
        var top = ChartFrame.Header(f, "目标达成概率可靠性 / Attainment reliability", subtitle, illustrative: false, new Lang(false));
        var plot = new Plot();
        foreach (var axis in plot.Axes.GetAxes())
        {
            ChartFont.StyleTickLabels(axis, Figure.MinText);
            axis.Label.Font = ChartFont.Face();
            axis.Label.FontSize = Figure.MinText;
        }
        plot.Axes.Bottom.Label.Text = "预测概率 / stated probability";
        plot.Axes.Left.Label.Text = "实际达成比例 / observed share met";
        var band = plot.Add.Polygon([0, 1 - Tolerance, 1, 1, Tolerance, 0], [Tolerance, 1, 1, 1 - Tolerance, 0, 0]);
        band.FillStyle.Color = Color.FromHex("#d9e8f5");
        band.LineStyle.Width = 0;
        var diagonal = plot.Add.Line(0, 0, 1, 1);
        diagonal.LineStyle.Color = Color.FromHex("#777777");
        diagonal.LineStyle.Pattern = LinePattern.Dashed;
        foreach (var (color, j, shape) in new[] { ("#e08214", 1, MarkerShape.FilledSquare), ("#2166ac", 2, MarkerShape.FilledCircle) })
        {
            var bins = report.Scores[j].Bins.Where(b => b.Cases > 0).ToList();
            var line = plot.Add.Scatter(bins.Select(b => b.MeanProbability).ToArray(), bins.Select(b => b.Observed).ToArray());
            line.Color = Color.FromHex(color);
            line.LineWidth = 3;
            line.MarkerShape = shape;
            line.MarkerSize = 16;
        }
        plot.Axes.SetLimits(0, 1, 0, 1);
        var size = f.Width - 2 * ChartFrame.Margin;
        f.Panel(plot, ChartFrame.Margin, top, size, size);
        var y = top + size + 16;
        string F3(double v) => v.ToString("0.000", CultureInfo.InvariantCulture);
        foreach (var (color, j) in new[] { ("#e08214", 1), ("#2166ac", 2) })
        {
            f.Rect(ChartFrame.Margin, y + 6, 40, 20, color);
            y = f.Paragraph(ChartFrame.Margin + 56, y, $"{report.Scores[j].Name}: Brier {F3(report.Scores[j].Brier)}", 26, size - 56);
        }
        var baseRate = report.Scores[0];
        y = f.Paragraph(ChartFrame.Margin, y + 4, $"base rate {F3(baseRate.Bins.First(b => b.Cases > 0).MeanProbability)}: Brier {F3(baseRate.Brier)}; "
            + $"shaded: within ±5 points of the diagonal; bins with ≥{WellFilled} cases are judged", 26, size, "#555555");
        f.Height = (int)Math.Ceiling(y + 24);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        f.SavePng(path);
    }
}
