using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Spectre.Console;
using Warehouse.Reports.Briefing;
using Warehouse.Store;
using Warehouse.Store.Engine;

namespace Warehouse.Cli;

/// <summary>bench-briefing: a province of N regions (the five seed regions' plans and figures copied with deterministic
/// variations) through forecast and briefing, printing the seconds each step took.</summary>
public static class BenchBriefing
{
    /// <summary>Registers the command on the root.</summary>
    public static void Add(RootCommand root)
    {
        var bench = new Command("bench-briefing", "简报性能基准 / briefing benchmark: N regions through forecast and report");
        var regions = new Option<int>("--regions") { Description = "地区数 / regions", DefaultValueFactory = _ => 100 };
        var dir = new Option<string?>("--dir") { Description = "工作目录 / scratch folder (default: a temp folder)" };
        bench.Options.Add(regions);
        bench.Options.Add(dir);
        bench.SetAction(r => Run(r.GetValue(regions), r.GetValue(dir)));
        root.Subcommands.Add(bench);
    }

    private static int Run(int regions, string? dir)
    {
        var work = dir ?? Path.Combine(Path.GetTempPath(), "wh-bench-briefing-" + Environment.ProcessId);
        if (Directory.Exists(work)) Directory.Delete(work, recursive: true);
        Directory.CreateDirectory(work);
        var ws = Workspace.Resolve(Path.Combine(work, "bench.db"));
        var sw = Stopwatch.StartNew();
        var pipeline = ws.Pipeline();
        pipeline.Ingest([ws.SeedsDir]);
        var added = AddProvince(ws.Dialect, regions);
        var setup = sw.Elapsed.TotalSeconds;
        sw.Restart();
        var fc = pipeline.Forecast();
        var forecast = sw.Elapsed.TotalSeconds;
        var output = BriefingWriter.Write(ws.Dialect, Path.Combine(work, "out"), today: DateOnly.FromDateTime(DateTime.Today));
        var t = output.Timings;
        string S(double s) => s.ToString("0.0", CultureInfo.InvariantCulture);
        AnsiConsole.MarkupLine($"regions {output.Regions} ({added} synthetic), {fc.Targets} targets, {output.Files.Count(f => f.EndsWith(".png"))} PNG + SVG, 1 xlsx "
            + $"({new FileInfo(output.Files.Single(f => f.EndsWith(".xlsx"))).Length / 1024} KiB)");
        AnsiConsole.MarkupLine($"setup {S(setup)} s · forecast {S(forecast)} s · briefing {S(t.Total)} s (load {S(t.Load)}, charts {S(t.Charts)} on "
            + $"{Environment.ProcessorCount} cores, workbook {S(t.Workbook)})");
        AnsiConsole.MarkupLine($"chart CPU seconds summed over threads: layout {S(t.LayoutCpu)}, PNG {S(t.PngCpu)}, SVG {S(t.SvgCpu)}");
        AnsiConsole.MarkupLine($"output: {Markup.Escape(output.Folder)}");
        return 0;
    }

    /// <summary>Adds regions until <paramref name="total"/> have goals: each copies one seed region's targets and figures, scaled by
    /// deterministic factors (figures 0.85–1.15, targets 0.9–1.1) so statuses differ. Returns how many regions it added.</summary>
    public static int AddProvince(SqlDialect dialect, int total)
    {
        using var c = dialect.OpenReadWrite();
        using var tx = c.BeginTransaction();
        var store = new BenchStore(dialect, c, tx);
        var templates = store.GoalRegions();
        var added = 0;
        for (var i = templates.Count; i < total; i++, added++)
        {
            var template = templates[i % templates.Count];
            var code = (390000 + i).ToString(CultureInfo.InvariantCulture);
            var key = store.AddRegion(code, $"示例县{i + 1:000}", $"Sample county {i + 1:000}");
            double obsFactor = 0.85 + 0.3 * (i * 37 % 100) / 100.0, targetFactor = 0.9 + 0.2 * (i * 53 % 100) / 100.0;
            store.CopyObservations(key, template, obsFactor);
            store.CopyTargets(key, template, targetFactor);
        }
        tx.Commit();
        return added;
    }
}
