using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Warehouse.Etl.Sources.Statistics;
using Warehouse.Store;
using Warehouse.Store.Engine;

namespace Warehouse.Cli;

/// <summary>bench-ingest: loads a generated long CSV and compares with sqlite3's own .import of the same file.</summary>
public static class BenchCommands
{
    /// <summary>Registers the command on the root.</summary>
    public static void Add(RootCommand root)
    {
        var bench = new Command("bench-ingest", "导入性能基准 / ingestion benchmark: N-row long CSV through the loader vs sqlite3 .import");
        var rows = new Option<int>("--rows") { Description = "行数 / rows", DefaultValueFactory = _ => 1_000_000 };
        Validate.Range(rows, 1, 100_000_000);
        var dir = new Option<string?>("--dir") { Description = "工作目录 / scratch folder (default: a temp folder)" };
        bench.Options.Add(rows);
        bench.Options.Add(dir);
        bench.SetAction(r => Run(r.GetValue(rows), r.GetValue(dir)));
        root.Subcommands.Add(bench);
    }

    private static int Run(int rows, string? dir)
    {
        var work = dir ?? Path.Combine(Path.GetTempPath(), "wh-bench-" + Environment.ProcessId);
        Directory.CreateDirectory(work);
        var csv = Path.Combine(work, "bench_long.csv");
        var ws = Workspace.Resolve(Path.Combine(work, "bench.db"));
        foreach (var f in Directory.GetFiles(work, "*.db*")) File.Delete(f);
        StoreCommands.Init(ws, quiet: true);
        ProgressDisplay.Run("生成 / generate CSV", progress => Generate(ws.Dialect, csv, rows, n => progress.Report(n, rows)));
        var size = new FileInfo(csv).Length;

        GC.Collect();
        var before = PeakMemory.Reset();
        var sw = Stopwatch.StartNew();
        var result = ProgressDisplay.Run("导入 / warehouse ingest", progress =>
            new StatisticsLoader(ws.Dialect) { RowsRead = n => progress.Report(n, rows) }.Load(csv));
        sw.Stop();
        var peak = PeakMemory.OfThisProcess();
        if (!result.Succeeded) { Console.Error.WriteLine("error: " + result.Error); return 1; }

        var plain = Path.Combine(work, "plain.db");
        File.Delete(plain);
        var sq = Stopwatch.StartNew();
        var sqlitePeak = ProgressDisplay.Run("sqlite3 .import", _ =>
        {
            using var p = Process.Start(new ProcessStartInfo("sqlite3", [plain, ".import --csv " + csv + " plain"]) { RedirectStandardError = true })!;
            var childPeak = PeakMemory.Watch(p);
            if (p.ExitCode != 0) Console.Error.WriteLine("sqlite3: " + p.StandardError.ReadToEnd());
            return childPeak;
        });
        sq.Stop();
        string F(double v) => v.ToString("N0", CultureInfo.InvariantCulture);
        string M(long? bytes) => bytes is { } b ? $"{b / 1048576.0:0} MiB" : "n/a";
        Console.WriteLine($"file: {rows:N0} rows, {size / 1048576.0:0.0} MiB ({csv})");
        Console.WriteLine($"warehouse ingest: {sw.Elapsed.TotalSeconds:0.00} s, {F(rows / sw.Elapsed.TotalSeconds)} rows/s, "
            + $"loaded {F(result.Loaded)}, rejected {F(result.Rejected)}, "
            + $"peak memory (RSS) {M(peak)} (process before the load {M(before)})");
        Console.WriteLine($"sqlite3 .import (plain table, no checks): {sq.Elapsed.TotalSeconds:0.00} s, {F(rows / sq.Elapsed.TotalSeconds)} rows/s, "
            + $"peak memory (RSS) {M(sqlitePeak)}");
        Console.WriteLine($"ratio: the warehouse load takes {sw.Elapsed.TotalSeconds / sq.Elapsed.TotalSeconds:0.0}× sqlite3's .import");
        return 0;
    }

    /// <summary>A long CSV with distinct keys and plausible values: 9 regions × every indicator × months, quarters, halves and Jan–N spans of many years.</summary>
    private static int Generate(SqlDialect dialect, string path, int rows, Action<int> progress)
    {
        using var c = dialect.OpenReadOnly();
        var catalog = Catalog.Load(c);
        var periods = new List<string>();
        for (var y = 1950; periods.Count * catalog.Regions.Count * catalog.Indicators.Count < rows; y++)
        {
            for (var m = 1; m <= 12; m++) periods.Add($"{y}-{m:00}");
            for (var q = 1; q <= 4; q++) periods.Add($"{y}Q{q}");
            periods.Add($"{y}年上半年");
            for (var m = 2; m <= 12; m++) periods.Add($"{y}年1-{m}月");
        }
        using var w = new StreamWriter(path, false, new UTF8Encoding(false));
        w.Write("地区,指标,期间,数值,单位\n");
        var n = 0;
        foreach (var p in periods)
            foreach (var r in catalog.Regions)
                foreach (var i in catalog.Indicators)
                {
                    if (n++ == rows) return rows;
                    if (n % 50_000 == 0) progress(n);
                    // A plausible series per region and indicator (±2% around its own level), as a statistician's file would be.
                    var level = 100 + (r.RegionCode.Sum(ch => ch) * 31 + i.IndicatorCode.Sum(ch => ch)) % 900;
                    w.Write($"{r.RegionName},{i.IndicatorName},{p},{level * (1 + 0.004 * (n * 7919 % 11 - 5)):0.0},{i.Unit}\n");
                }
        return n;
    }
}
