using System.Collections.Concurrent;
using System.Diagnostics;
using Warehouse.Reports.Charts;
using Warehouse.Store.Engine;

namespace Warehouse.Reports.Briefing;

/// <summary>What a briefing run wrote, and how long the parts took.</summary>
public sealed record BriefingOutput(string Folder, IReadOnlyList<string> Files, BriefingTimings Timings, int Regions);

/// <summary>Seconds spent loading, drawing charts (in parallel) and writing the workbook; within the charts, the CPU seconds summed
/// over threads for laying figures out, encoding PNG and writing SVG.</summary>
public sealed record BriefingTimings(double Load, double Charts, double Workbook, int ChartCount, double LayoutCpu = 0, double PngCpu = 0,
    double SvgCpu = 0)
{
    /// <summary>Total seconds.</summary>
    public double Total => Load + Charts + Workbook;
}

/// <summary>Writes a dated briefing folder: PNG charts (with their SVG), and the Excel workbook.</summary>
public static class BriefingWriter
{
    /// <summary>Writes everything into <c>DIR/briefing-YYYY-MM-DD</c>.</summary>
    /// <param name="regions">Region codes, names or aliases; default: the regions that have goals.</param>
    /// <param name="lang">Language of every chart and the workbook (default Chinese).</param>
    public static BriefingOutput Write(SqlDialect dialect, string outDir, int? year = null, DateOnly? today = null,
        IReadOnlyList<string>? regions = null, Lang? lang = null)
    {
        ChartFont.Face(); // fail before writing anything when the CJK font is missing
        var clock = Stopwatch.StartNew();
        var date = today ?? DateOnly.FromDateTime(DateTime.Now);
        var data = BriefingData.Load(dialect, year, regions, lang);
        var load = clock.Elapsed.TotalSeconds;
        // A second briefing on the same day gets its own folder: the one leaders already received is never overwritten.
        var folder = Path.Combine(outDir, $"briefing-{date:yyyy-MM-dd}");
        for (var n = 2; Directory.Exists(folder); n++) folder = Path.Combine(outDir, $"briefing-{date:yyyy-MM-dd}-{n}");
        Directory.CreateDirectory(folder);

        // Each job builds and saves one figure; jobs share nothing but the read-only data, so they run in parallel.
        var jobs = new List<(string Name, Func<Figure?> Build)>();
        var scorecard = ScorecardChart.Build(data, date);
        for (var i = 0; i < scorecard.Count; i++)
        {
            var page = scorecard[i];
            jobs.Add((i == 0 ? "01_scorecard" : $"01_scorecard_p{i + 1:00}", () => page));
        }
        if (ComparisonChart.PickIndicator(data) is { } cmp)
        {
            var pages = ComparisonChart.Build(data, date, cmp);
            for (var i = 0; i < pages.Count; i++)
            {
                var page = pages[i];
                jobs.Add(($"02_comparison_{cmp}" + (i == 0 ? "" : $"_p{i + 1:00}"), () => page));
            }
        }
        foreach (var region in data.Regions)
            foreach (var code in data.Attainment.Where(a => a.RegionCode == region.RegionCode && a.TargetKind == "goal")
                         .Select(a => a.IndicatorCode).Distinct())
            {
                var (r, c) = (region.RegionCode, code);
                jobs.Add(($"03_trend_{r}_{c}", () => TrendChart.Build(data, r, c, date)));
            }
        var written = new ConcurrentDictionary<int, string[]>();
        long layoutTicks = 0, pngTicks = 0, svgTicks = 0;
        // One job per core: the jobs are CPU-bound, more threads only contend.
        Parallel.For(0, jobs.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var t0 = Stopwatch.GetTimestamp();
            if (jobs[i].Build() is not { } figure) return;
            var t1 = Stopwatch.GetTimestamp();
            var png = Path.Combine(folder, jobs[i].Name + ".png");
            var svg = Path.Combine(folder, jobs[i].Name + ".svg");
            figure.SavePng(png);
            var t2 = Stopwatch.GetTimestamp();
            figure.SaveSvg(svg);
            var t3 = Stopwatch.GetTimestamp();
            Interlocked.Add(ref layoutTicks, t1 - t0);
            Interlocked.Add(ref pngTicks, t2 - t1);
            Interlocked.Add(ref svgTicks, t3 - t2);
            written[i] = [png, svg];
        });
        double Cpu(long ticks) => (double)ticks / Stopwatch.Frequency;
        var charts = clock.Elapsed.TotalSeconds - load;
        var files = written.OrderBy(kv => kv.Key).SelectMany(kv => kv.Value).ToList();

        var xlsx = Path.Combine(folder, data.Lang.T("知识产权目标简报", "IP_targets_briefing") + $"_{date:yyyyMMdd}.xlsx");
        Workbook.Write(data, xlsx, date, files.Where(p => Path.GetFileName(p).StartsWith("01_scorecard") && p.EndsWith(".png")).ToList());
        files.Add(xlsx);
        // What the briefing says, for delivery: messages are built from this, never from the warehouse as it is later.
        BriefingManifest.Of(data, folder, date, files).Write(folder);
        var workbook = clock.Elapsed.TotalSeconds - load - charts;
        var timings = new BriefingTimings(load, charts, workbook, written.Count, Cpu(layoutTicks), Cpu(pngTicks), Cpu(svgTicks));
        return new BriefingOutput(folder, files, timings, data.Regions.Count);
    }
}
