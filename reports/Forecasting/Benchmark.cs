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
    /// <summary>Reads the benchmark CSV: (id, train, test) per series.</summary>
    public static List<(string Id, double[] Train, double[] Test)> Read(string path)
    {
        using var reader = new StreamReader(path);
        var rows = CsvRecords.Read(reader).Skip(1).Where(r => r.Fields.Length >= 4 && r.Fields[0].Length > 0)
            .Select(r => (Id: r.Fields[0], Part: r.Fields[1], T: (int)Number(path, r, 2), V: Number(path, r, 3)))
            .ToList();
        return rows.GroupBy(r => r.Id).Select(g => (g.Key,
                g.Where(r => r.Part == "train").OrderBy(r => r.T).Select(r => r.V).ToArray(),
                g.Where(r => r.Part == "test").OrderBy(r => r.T).Select(r => r.V).ToArray()))
            .ToList();
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
                var scale = Stats.MeanAbsDiff(train);
                scores[i] = new PointScore[h];
                for (var k = 0; k < h; k++)
                {
                    var y = test[k];
                    var interval = f.Hi95[k] - f.Lo95[k] + 2 / 0.05 * Math.Max(0, f.Lo95[k] - y) + 2 / 0.05 * Math.Max(0, y - f.Hi95[k]);
                    var error = Math.Abs(y - f.Mean[k]);
                    scores[i][k] = new PointScore(i, k + 1, 200 * error / (Math.Abs(y) + Math.Abs(f.Mean[k])), error / scale,
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
        double SeriesMean(Func<PointScore, double> f) => bySeries.Average(g => g.Average(f));
        return new BenchmarkRow(method, bySeries.Count, SeriesMean(p => p.Smape), SeriesMean(p => p.Ase),
            (double)list.Count(p => p.In80) / list.Count, (double)list.Count(p => p.In95) / list.Count, SeriesMean(p => p.Is95), seconds);
    }
}
