using System.Diagnostics;
using System.Globalization;
using Warehouse.Store;

namespace Warehouse.Reports.Forecasting;

/// <summary>One method's accuracy over a benchmark file.</summary>
public sealed record BenchmarkRow(string Method, int Series, double Smape, double Mase, double Coverage80, double Coverage95, double Msis95, double Seconds);

/// <summary>Runs every method on series given as series_id,part,t,value (part = train/test) and scores the test part.</summary>
public static class Benchmark
{
    /// <summary>Reads the benchmark CSV: (id, train, test) per series.</summary>
    public static List<(string Id, double[] Train, double[] Test)> Read(string path)
    {
        using var reader = new StreamReader(path);
        var rows = CsvRecords.Read(reader).Skip(1).Where(r => r.Fields.Length >= 4 && r.Fields[0].Length > 0)
            .Select(r => (Id: r.Fields[0], Part: r.Fields[1], T: int.Parse(r.Fields[2], CultureInfo.InvariantCulture), V: double.Parse(r.Fields[3], CultureInfo.InvariantCulture)));
        return rows.GroupBy(r => r.Id).Select(g => (g.Key,
                g.Where(r => r.Part == "train").OrderBy(r => r.T).Select(r => r.V).ToArray(),
                g.Where(r => r.Part == "test").OrderBy(r => r.T).Select(r => r.V).ToArray()))
            .ToList();
    }

    /// <summary>Scores each method; horizons beyond a series' test part are ignored.</summary>
    public static List<BenchmarkRow> Run(List<(string Id, double[] Train, double[] Test)> series, int horizon, IEnumerable<IForecastMethod> methods)
    {
        var result = new List<BenchmarkRow>();
        foreach (var method in methods)
        {
            var sw = Stopwatch.StartNew();
            var scores = new (double Smape, double Mase, int In80, int In95, int Points, double Msis)[series.Count];
            Parallel.For(0, series.Count, i =>
            {
                var (_, train, test) = series[i];
                var h = Math.Min(horizon, test.Length);
                var f = Calibration.Forecast(method, train, h);
                var scale = Stats.MeanAbsDiff(train);
                double smape = 0, mase = 0, msis = 0;
                int in80 = 0, in95 = 0;
                for (var k = 0; k < h; k++)
                {
                    var y = test[k];
                    smape += 200 * Math.Abs(y - f.Mean[k]) / (Math.Abs(y) + Math.Abs(f.Mean[k]));
                    mase += Math.Abs(y - f.Mean[k]) / scale;
                    if (y >= f.Lo80[k] && y <= f.Hi80[k]) in80++;
                    if (y >= f.Lo95[k] && y <= f.Hi95[k]) in95++;
                    msis += (f.Hi95[k] - f.Lo95[k] + 2 / 0.05 * Math.Max(0, f.Lo95[k] - y) + 2 / 0.05 * Math.Max(0, y - f.Hi95[k])) / scale;
                }
                scores[i] = (smape / h, mase / h, in80, in95, h, msis / h);
            });
            sw.Stop();
            var points = scores.Sum(s => s.Points);
            result.Add(new BenchmarkRow(method.Name, series.Count, scores.Average(s => s.Smape), scores.Average(s => s.Mase),
                (double)scores.Sum(s => s.In80) / points, (double)scores.Sum(s => s.In95) / points, scores.Average(s => s.Msis), sw.Elapsed.TotalSeconds));
        }
        return result;
    }
}
