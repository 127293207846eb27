using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Warehouse.Etl.Sources.Statistics;
using Warehouse.Store;
using Warehouse.Store.Benchmarks;
using Warehouse.Store.Engine;

namespace Warehouse.Cli;

/// <summary>bench-ingest: loads a generated long CSV through the warehouse on the chosen engine and compares, in the same run and on
/// the same file, with the engine's own raw bulk path (sqlite3 .import, psql \copy) and with a pure-SQL load into the same schema.</summary>
public static class BenchCommands
{
    /// <summary>Registers the command on the root.</summary>
    public static void Add(RootCommand root, Option<string?> db)
    {
        var bench = new Command("bench-ingest",
            "导入性能基准 / ingestion benchmark: N-row long CSV through the loader vs the engine's raw bulk path and a pure-SQL load");
        var rows = new Option<int>("--rows") { Description = "行数 / rows", DefaultValueFactory = _ => 1_000_000 };
        Validate.Range(rows, 1, 100_000_000);
        var dir = new Option<string?>("--dir") { Description = "工作目录 / scratch folder (default: a temp folder)" };
        bench.Options.Add(rows);
        bench.Options.Add(dir);
        bench.SetAction(r => Run(r.GetValue(db), r.GetValue(rows), r.GetValue(dir)));
        root.Subcommands.Add(bench);
    }

    private static int Run(string? db, int rows, string? dir)
    {
        var work = dir ?? Path.Combine(Path.GetTempPath(), "wh-bench-" + Environment.ProcessId);
        Directory.CreateDirectory(work);
        try
        {
            return Measure(db, rows, work);
        }
        finally
        {
            // A temp folder of our own goes (at 1M rows it holds hundreds of MB); a --dir the user named stays for inspection.
            if (dir == null) try { Directory.Delete(work, recursive: true); } catch (IOException) { }
        }
    }

    private static int Measure(string? db, int rows, string work)
    {
        var csv = Path.Combine(work, "bench_long.csv");
        // Without --db the benchmark runs on SQLite files in the scratch folder; with a server address it creates scratch
        // databases beside the named one and drops them at the end, so a real warehouse is never written.
        var server = db != null ? Workspace.Resolve(db).Dialect : new SqliteDialect(Path.Combine(work, "bench.db"));
        var tag = $"wh_bench_{Environment.ProcessId}";
        using var load = new ScratchDatabase(server, work, tag + "_load");
        var ws = Workspace.Resolve(null) with { Dialect = load.Dialect };
        StoreCommands.Init(ws, quiet: true);
        Catalog catalog;
        using (var c = load.Dialect.OpenReadOnly()) catalog = Catalog.Load(load.Dialect, c);
        ProgressDisplay.Run("生成 / generate CSV", progress => BenchFile.Write(catalog, csv, rows, n => progress.Report(n, rows)));
        var size = new FileInfo(csv).Length;

        GC.Collect();
        var before = PeakMemory.Reset();
        var sw = Stopwatch.StartNew();
        var result = ProgressDisplay.Run("导入 / warehouse ingest", progress =>
            new StatisticsLoader(load.Dialect) { RowsRead = n => progress.Report(n, rows) }.Load(csv));
        sw.Stop();
        var peak = PeakMemory.OfThisProcess();
        if (!result.Succeeded) { Console.Error.WriteLine("error: " + result.Error); return 1; }

        (TimeSpan Elapsed, long? Peak)? raw, pure;
        using (var rawDb = new ScratchDatabase(server, work, tag + "_raw"))
            raw = ProgressDisplay.Run("raw bulk", _ => ReferenceLoads.RawBulk(rawDb.Dialect, csv, Path.Combine(work, tag + "_raw.db"), PeakMemory.Watch));
        using (var pureDb = new ScratchDatabase(server, work, tag + "_pure"))
        {
            StoreCommands.Init(ws with { Dialect = pureDb.Dialect }, quiet: true);
            pure = ProgressDisplay.Run("pure SQL", _ => ReferenceLoads.PureSql(pureDb.Dialect, catalog, rows, Path.Combine(work, "bench_pure.sql"),
                PeakMemory.Watch));
        }

        string F(double v) => v.ToString("N0", CultureInfo.InvariantCulture);
        string M(long? bytes) => bytes is { } b ? $"{b / 1048576.0:0} MiB" : "n/a";
        var ours = sw.Elapsed.TotalSeconds;
        Console.WriteLine($"engine: {server.Name}; file: {rows:N0} rows, {size / 1048576.0:0.0} MiB ({csv})");
        Console.WriteLine($"warehouse ingest: {ours:0.00} s, {F(rows / ours)} rows/s, loaded {F(result.Loaded)}, rejected {F(result.Rejected)}, "
            + $"peak memory (RSS) {M(peak)} (process before the load {M(before)})");
        var rawName = server.Name switch { "sqlite" => "sqlite3 .import", "postgres" => "psql \\copy", _ => "raw bulk" };
        if (raw is { } r)
            Console.WriteLine($"{rawName} (plain table, no keys or checks): {r.Elapsed.TotalSeconds:0.00} s, "
                + $"{F(rows / r.Elapsed.TotalSeconds)} rows/s, peak memory (RSS) {M(r.Peak)}");
        else Console.WriteLine($"{rawName}: n/a (no command-line client for {server.Name} on this machine)");
        if (pure is { } q)
            Console.WriteLine($"pure SQL (multi-row INSERT … SELECT into the same schema, one transaction, run by the engine's client): "
                + $"{q.Elapsed.TotalSeconds:0.00} s, {F(rows / q.Elapsed.TotalSeconds)} rows/s, peak memory (RSS) {M(q.Peak)}");
        else Console.WriteLine($"pure SQL: n/a (no command-line client for {server.Name} on this machine)");
        if (raw is { } r2) Console.WriteLine($"ratio: the warehouse load takes {ours / r2.Elapsed.TotalSeconds:0.0}× the raw bulk path");
        if (pure is { } q2) Console.WriteLine($"ratio: the warehouse load takes {ours / q2.Elapsed.TotalSeconds:0.00}× the pure-SQL load");
        return 0;
    }
}
