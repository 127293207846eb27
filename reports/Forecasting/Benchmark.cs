using System.Diagnostics;
using System.Globalization;
using Warehouse.Store;

namespace Warehouse.Reports.Forecasting;

/// <summary>One method's accuracy over a benchmark file.</summary>
public sealed record BenchmarkRow(string Method, int Series, double Smape, double Mase, double Coverage80, double Coverage95, double Msis95, double Seconds);

/// <summary>The score of one forecast point: series index, step (1-based) and the per-point accuracy measures.</summary>
public readonly record struct PointScore(int Series, int Step, double Smape, double Ase, bool In80, bool In95, double Is95);

/// <summary>Every point score of one method, and the wall and processor time it took (forecasts and calibrated intervals).</summary>
public sealed record MethodScores(string Method, double Seconds, PointScore[] Points)
{
    /// <summary>Processor seconds of the whole process while the method ran: comparable with a single-threaded program's seconds
    /// and far less disturbed than wall time when other work shares the machine.</summary>
    public double CpuSeconds { get; init; }
}

/// <summary>Runs every method on series given as series_id,part,t,value (part = train/test) and scores the test part.</summary>
public static class Benchmark
{
    /// <summary>Reads the benchmark CSV (columns series_id, part, t, value by header name; part train or test; t the
    /// consecutive whole years of each part): (id, train, test) per series, in file order. Anything else is refused
    /// naming file and line, because a dropped or doubled row would change every score without a word.</summary>
    public static List<(string Id, double[] Train, double[] Test)> Read(string path)
    {
        using var reader = new StreamReader(path);
        var records = CsvRecords.Read(reader).Where(r => r.Fields.Any(f => f.Trim().Length > 0)).ToList();
        if (records.Count == 0) throw new InvalidDataException($"{path}: empty; expected a header series_id,part,t,value and rows");
        var header = records[0].Fields.Select(f => f.Trim().TrimStart('\uFEFF').Trim('"').ToLowerInvariant()).ToList();
        int Column(string name) => header.IndexOf(name) is var i and >= 0 ? i
            : throw new InvalidDataException($"{path}:{records[0].Line}: no column {name}; expected comma-separated series_id,part,t,value, "
                + $"found “{string.Join(",", records[0].Fields)}”");
        int id = Column("series_id"), part = Column("part"), t = Column("t"), value = Column("value");
        var order = new List<string>();
        var seen = new HashSet<string>();
        var parts = new Dictionary<(string Id, string Part), SortedDictionary<int, (double Value, int Line)>>();
        foreach (var r in records.Skip(1))
        {
            string At() => $"{path}:{r.Line}";
            if (r.Fields.Length != header.Count) throw new InvalidDataException($"{At()}: {r.Fields.Length} fields, the header has {header.Count}");
            var sid = r.Fields[id].Trim();
            if (sid.Length == 0) throw new InvalidDataException($"{At()}: no series_id");
            var which = r.Fields[part].Trim().ToLowerInvariant();
            if (which is not ("train" or "test")) throw new InvalidDataException($"{At()}: part “{r.Fields[part]}” is neither train nor test");
            var year = Number(path, r, t);
            if (year != Math.Floor(year) || year < 1 || year > 100_000)
                throw new InvalidDataException($"{At()}: t “{r.Fields[t]}” is not a whole number from 1 (series {sid})");
            if (!parts.TryGetValue((sid, which), out var points))
            {
                parts[(sid, which)] = points = new SortedDictionary<int, (double, int)>();
                if (seen.Add(sid)) order.Add(sid);
            }
            if (points.TryGetValue((int)year, out var first))
                throw new InvalidDataException($"{At()}: series {sid} {which} t={year} given twice (first on line {first.Line})");
            points[(int)year] = (Number(path, r, value), r.Line);
        }
        double[] Values(string sid, string which)
        {
            if (!parts.TryGetValue((sid, which), out var points)) return [];
            var (lo, hi) = (points.Keys.First(), points.Keys.Last());
            if (hi - lo + 1 != points.Count)
            {
                var gap = points.Keys.Zip(points.Keys.Skip(1)).First(p => p.Second != p.First + 1);
                throw new InvalidDataException($"{path}:{points[gap.Second].Line}: series {sid} {which} jumps from t={gap.First} to t={gap.Second}");
            }
            return points.Values.Select(v => v.Value).ToArray();
        }
        return order.Select(sid => (sid, Values(sid, "train"), Values(sid, "test"))).ToList();
    }

    /// <summary>The series that can be scored (at least <see cref="Calibration.MinimumLength"/> training points and a test
    /// part), and the ids of the others with why.</summary>
    public static List<(string Id, double[] Train, double[] Test)> Scorable(IEnumerable<(string Id, double[] Train, double[] Test)> series,
        out List<string> skipped)
    {
        var kept = new List<(string Id, double[] Train, double[] Test)>();
        skipped = [];
        foreach (var s in series)
        {
            if (s.Train.Length < Calibration.MinimumLength) skipped.Add($"{s.Id} ({s.Train.Length} training points)");
            else if (s.Test.Length == 0) skipped.Add($"{s.Id} (no test part)");
            else kept.Add(s);
        }
        return kept;
    }

    /// <summary>Field <paramref name="i"/> of a row as a number, or an error naming file, line and value.</summary>
    private static double Number(string path, CsvRecord r, int i) =>
        double.TryParse(r.Fields[i].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v
            : throw new InvalidDataException($"{path}:{r.Line}: “{r.Fields[i]}” is not a number (series {r.Fields[0]}, column {i + 1})");

    /// <summary>Reads series_id → category from a meta CSV with columns series_id and category (M3's m3yearly_meta.csv).</summary>
    public static Dictionary<string, string> ReadCategories(string path)
    {
        using var reader = new StreamReader(path);
        var records = CsvRecords.Read(reader).ToList();
        var header = records[0].Fields.Select(f => f.Trim('"').ToLowerInvariant()).ToList();
        int id = header.IndexOf("series_id"), cat = header.IndexOf("category");
        if (id < 0 || cat < 0) throw new InvalidDataException($"{path}: series_id and category columns expected");
        return records.Skip(1).Where(r => r.Fields.Length > Math.Max(id, cat))
            .ToDictionary(r => r.Fields[id].Trim('"'), r => r.Fields[cat].Trim('"').ToLowerInvariant());
    }

    /// <summary>The series with training parts cut to their last <paramref name="n"/> points (shorter ones stay whole).</summary>
    public static List<(string Id, double[] Train, double[] Test)> Truncate(IEnumerable<(string Id, double[] Train, double[] Test)> series, int n) =>
        series.Select(s => (s.Id, s.Train.Length > n ? s.Train[^n..] : s.Train, s.Test)).ToList();

    /// <summary>The same series <paramref name="years"/> earlier: the last years of each training part become its test part
    /// (the real test part is dropped), to see whether what history says about the methods held before the test years.</summary>
    public static List<(string Id, double[] Train, double[] Test)> Backdate(IEnumerable<(string Id, double[] Train, double[] Test)> series,
        int years) =>
        series.Where(s => s.Train.Length - years >= Calibration.MinimumLength).Select(s => (s.Id, s.Train[..^years], s.Train[^years..]))
            .ToList();

    /// <summary>Ids of the held-out half: within each category (in id order) every second series, so both halves have the same mix.</summary>
    public static HashSet<string> HeldOutHalf(IEnumerable<string> ids, IReadOnlyDictionary<string, string> categories) =>
        ids.GroupBy(i => categories.GetValueOrDefault(i, ""))
            .SelectMany(g => g.Order(StringComparer.Ordinal).Where((_, k) => k % 2 == 1)).ToHashSet();

    /// <summary>Scores each method; horizons beyond a series' test part are ignored.</summary>
    public static List<BenchmarkRow> Run(List<(string Id, double[] Train, double[] Test)> series, int horizon, IEnumerable<IForecastMethod> methods) =>
        Score(series, horizon, methods).Select(s => Summarise(s.Method, s.Points, s.Seconds)).ToList();

    /// <summary>Forecasts every series with every method (calibrated intervals included) and scores each test point.</summary>
    public static List<MethodScores> Score(List<(string Id, double[] Train, double[] Test)> series, int horizon, IEnumerable<IForecastMethod> methods)
    {
        var result = new List<MethodScores>();
        foreach (var method in methods)
        {
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            var run = method is ICollectionMethod c ? c.Prepare(series.Select(s => s.Train).ToList(), horizon) : method;
            var scores = new PointScore[series.Count][];
            Parallel.For(0, series.Count, i =>
            {
                var (_, train, test) = series[i];
                var h = Math.Min(horizon, test.Length);
                var f = Calibration.Forecast(run, train, h);
                // A training part that never changes has no scale: its MASE and MSIS are left out of the averages (NaN).
                var scale = Stats.MeanAbsDiff(train) is var d && d > 0 ? d : double.NaN;
                scores[i] = new PointScore[h];
                for (var k = 0; k < h; k++)
                {
                    var y = test[k];
                    var interval = f.Hi95[k] - f.Lo95[k] + 2 / 0.05 * Math.Max(0, f.Lo95[k] - y) + 2 / 0.05 * Math.Max(0, y - f.Hi95[k]);
                    var error = Math.Abs(y - f.Mean[k]);
                    var both = Math.Abs(y) + Math.Abs(f.Mean[k]);
                    scores[i][k] = new PointScore(i, k + 1, both > 0 ? 200 * error / both : 0, error / scale,
                        y >= f.Lo80[k] && y <= f.Hi80[k], y >= f.Lo95[k] && y <= f.Hi95[k], interval / scale);
                }
            });
            sw.Stop();
            result.Add(new MethodScores(method.Name, sw.Elapsed.TotalSeconds, scores.SelectMany(s => s).ToArray())
            {
                CpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds,
            });
        }
        return result;
    }

    /// <summary>Averages point scores: sMAPE and MASE per series over its steps, then over series; coverage over points.</summary>
    public static BenchmarkRow Summarise(string method, IEnumerable<PointScore> points, double seconds)
    {
        var list = points as IReadOnlyCollection<PointScore> ?? points.ToList();
        var bySeries = list.GroupBy(p => p.Series).ToList();
        // Series whose measure is undefined (a constant training part has no MASE scale) are left out of that average.
        double SeriesMean(Func<PointScore, double> f) =>
            bySeries.Select(g => g.Average(f)).Where(double.IsFinite).DefaultIfEmpty(double.NaN).Average();
        return new BenchmarkRow(method, bySeries.Count, SeriesMean(p => p.Smape), SeriesMean(p => p.Ase),
            (double)list.Count(p => p.In80) / list.Count, (double)list.Count(p => p.In95) / list.Count, SeriesMean(p => p.Is95), seconds);
    }
}
