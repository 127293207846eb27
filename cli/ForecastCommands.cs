using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Warehouse.Reports.Forecasting;

namespace Warehouse.Cli;

/// <summary>forecast-eval: the accuracy benchmark, by subgroup, truncated, on a held-out half, and the attainment calibration.</summary>
public static class ForecastCommands
{
    /// <summary>Registers the commands on the root.</summary>
    public static void Add(RootCommand root, Option<string?> db)
    {
        var eval = new Command("forecast-eval", "预测方法基准测试 / benchmark the forecasting methods on series_id,part,t,value data");
        var input = new Option<string>("--input") { Description = "CSV: series_id,part,t,value", Required = true };
        var horizon = new Option<int>("--horizon") { Description = "预测步长 / forecast horizon", DefaultValueFactory = _ => 6 };
        Validate.Range(horizon, 1, 50);
        var format = new Option<string>("--format") { Description = "table | csv | markdown", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv", "markdown");
        var by = new Option<string[]>("--by")
        {
            Description = "分组 / subgroup tables: category, length, horizon (repeatable)", AllowMultipleArgumentsPerToken = true,
        };
        by.AcceptOnlyFromAmong("category", "length", "horizon");
        var truncate = new Option<int?>("--truncate") { Description = "只用最后 N 个训练点 / keep only the last N training points" };
        var backdate = new Option<int?>("--backdate") { Description = "提前 N 年回测 / score the last N training years instead of the test part" };
        var split = new Option<string>("--split")
        {
            Description = "all | dev | holdout: the halves split by series id within each category", DefaultValueFactory = _ => "all",
        };
        split.AcceptOnlyFromAmong("all", "dev", "holdout");
        var meta = new Option<string?>("--meta") { Description = "series_id,category CSV (default: <input>_meta.csv beside the input)" };
        var attainment = new Option<bool>("--attainment") { Description = "目标达成概率校准 / attainment probabilities against held-out outcomes" };
        var png = new Option<string?>("--png") { Description = "可靠性图 / write the attainment reliability diagram to this PNG" };
        foreach (var o in new Option[] { input, horizon, format, by, truncate, backdate, split, meta, attainment, png }) eval.Options.Add(o);
        eval.SetAction(r =>
        {
            var path = r.GetValue(input)!;
            var all = Benchmark.Read(path);
            var metaPath = r.GetValue(meta)
                ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, Path.GetFileNameWithoutExtension(path) + "_meta.csv");
            if (r.GetValue(meta) != null && !File.Exists(metaPath)) throw new FileNotFoundException($"--meta {metaPath}: no such file");
            var categories = File.Exists(metaPath) ? Benchmark.ReadCategories(metaPath) : new Dictionary<string, string>();
            if (categories.Count > 0 && all.Where(s => !categories.ContainsKey(s.Id)).ToList() is { Count: > 0 } unknown)
                Console.WriteLine($"note: {unknown.Count} series not in {metaPath}: grouped as “?” (e.g. {unknown[0].Id})");
            var held = Benchmark.HeldOutHalf(all.Select(s => s.Id), categories);
            var part = r.GetValue(split);
            var series = part == "all" ? all : all.Where(s => held.Contains(s.Id) == (part == "holdout")).ToList();
            if (r.GetValue(backdate) is { } back) series = Benchmark.Backdate(series, back);
            if (r.GetValue(truncate) is { } n) series = Benchmark.Truncate(series, n);
            series = Benchmark.Scorable(series, out var skipped);
            if (skipped.Count > 0)
                Console.WriteLine($"note: {skipped.Count} series skipped, too short to forecast (fewer than {Calibration.MinimumLength} training "
                    + $"points) or without a test part: {string.Join(", ", skipped.Take(5))}{(skipped.Count > 5 ? ", …" : "")}");
            if (series.Count == 0) throw new InvalidDataException($"{path}: no series left to score");
            var h = r.GetValue(horizon);
            var fmt = r.GetValue(format)!;
            var label = $"{series.Count} series ({part}{(r.GetValue(backdate) is { } b ? $", {b} years earlier" : "")}"
                + $"{(r.GetValue(truncate) is { } t ? $", last {t} training points" : "")}), horizon {h}";

            var sw = System.Diagnostics.Stopwatch.StartNew();
            var scores = ProgressDisplay.Run("预测基准 / forecast-eval", _ => Benchmark.Score(series, h, MethodCatalog.All()));
            sw.Stop();
            Emit(fmt, "accuracy: " + label, ["method", "series", "smape", "mase", "coverage80", "coverage95", "msis95", "seconds"],
                scores.Select(s => Benchmark.Summarise(s.Method, s.Points, s.Seconds))
                    .Select(x => new[] { x.Method, $"{x.Series}", F(x.Smape, "0.000"), F(x.Mase, "0.000"), F(x.Coverage80, "0.0%"),
                        F(x.Coverage95, "0.0%"), F(x.Msis95, "0.000"), F(x.Seconds, "0.00") }));
            var ours = scores[^1];
            var fixedMix = scores.Single(s => s.Method == MethodCatalog.FixedMix().Name);
            Console.WriteLine($"speed: default '{ours.Method}' {F(ours.Seconds, "0.00")} s wall, {F(ours.CpuSeconds, "0.00")} s processor "
                + $"for {series.Count} series with calibrated intervals; same run: fixed mix {F(fixedMix.Seconds, "0.00")} s wall / "
                + $"{F(fixedMix.CpuSeconds, "0.00")} s processor, naive {F(scores[0].Seconds, "0.00")} s; all {scores.Count} methods "
                + $"{F(sw.Elapsed.TotalSeconds, "0.00")} s");
            // R's time is for the whole file as given; compare only when this run forecast exactly that.
            if (ReferenceEtsSeconds(path) is { } ets && part == "all" && r.GetValue(truncate) == null && r.GetValue(backdate) == null)
                Console.WriteLine($"reference: R forecast 8.20 ets() took {F(ets, "0.0")} s in one sequential R process on these "
                    + $"{series.Count} series (recorded beside the data); the default's processor time is {F(ets / ours.CpuSeconds, "0")}× less, "
                    + $"its wall time {F(ets / ours.Seconds, "0")}× less");

            foreach (var dimension in (r.GetValue(by) ?? []).Distinct())
            {
                Console.WriteLine();
                if (dimension == "length")
                {
                    var groups = new List<(string, List<MethodScores>)> { ("full", scores) };
                    foreach (var keep in new[] { 12, 8 })
                        groups.Add(($"last {keep}", Benchmark.Score(Benchmark.Truncate(series, keep), h, MethodCatalog.All())));
                    Subgroups(fmt, "by training length: " + label, groups.Select(g => (g.Item1, g.Item2, (Func<PointScore, bool>)(_ => true))));
                }
                else if (dimension == "category")
                {
                    var cat = series.Select(s => categories.GetValueOrDefault(s.Id, "?")).ToArray();
                    Subgroups(fmt, "by category: " + label,
                        cat.Distinct().Order().Select(c => (c, scores, (Func<PointScore, bool>)(p => cat[p.Series] == c))));
                }
                else
                {
                    var bands = new List<(string, List<MethodScores>, Func<PointScore, bool>)> { ("h1-3", scores, p => p.Step <= 3) };
                    if (h > 3) bands.Add(($"h4-{h}", scores, p => p.Step > 3));
                    Subgroups(fmt, "by horizon: " + label, bands);
                }
            }

            if (r.GetValue(attainment))
            {
                Console.WriteLine();
                var report = AttainmentCalibration.Run(series, h, MethodCatalog.Default());
                Emit(fmt, $"attainment: {report.Cases} targets on held-out points of {label}",
                    ["probability from", "Brier", "Brier skill vs base rate", "worst well-filled bin (points)"],
                    report.Scores.Select(s => new[] { s.Name, F(s.Brier, "0.0000"), F(1 - s.Brier / report.Scores[0].Brier, "0.000"),
                        s.WorstGap is { } g ? F(100 * g, "0.0") : "-" }));
                Console.WriteLine();
                Emit(fmt, "by measure: Brier (worst well-filled bin, points)", ["measure", "cases", .. report.Scores.Select(x => x.Name)],
                    report.CaseList.GroupBy(c => c.Measure).Select(g => (string[])[g.Key, $"{g.Count()}", .. report.Scores.Select((x, j) =>
                    {
                        var sc = AttainmentCalibration.Score(x.Name, g.Select(c => (c.Probabilities[j], c.Met)).ToList());
                        return F(sc.Brier, "0.0000") + (sc.WorstGap is { } w ? $" ({F(100 * w, "0.0")})" : "");
                    })]));
                Console.WriteLine();
                var product = report.Scores.Single(s => s.Name == AttainmentCalibration.ProductName);
                Emit(fmt, $"reliability of the product's probabilities ({AttainmentCalibration.WellFilled}+ cases = well filled)",
                    ["bin", "cases", "mean stated", "observed met", "gap (points)"],
                    product.Bins.Select(b => new[] { $"{b.Lo:0.0}-{b.Hi:0.0}", $"{b.Cases}", b.Cases > 0 ? F(b.MeanProbability, "0.000") : "-",
                        b.Cases > 0 ? F(b.Observed, "0.000") : "-",
                        b.Cases > 0 ? F(100 * (b.Observed - b.MeanProbability), "+0.0;-0.0;0.0") : "-" }));
                if (r.GetValue(png) is { } file)
                {
                    AttainmentCalibration.WriteReliabilityPng(report, file, $"{Path.GetFileName(path)} · {label}");
                    Console.WriteLine($"reliability diagram: {file}");
                }
            }
            return 0;
        });
        root.Subcommands.Add(eval);
    }

    private static string F(double v, string f) => v.ToString(f, CultureInfo.InvariantCulture);

    /// <summary>R's recorded ets() time from r_forecast_8.20_results.md beside the input, when present.</summary>
    private static double? ReferenceEtsSeconds(string input)
    {
        var md = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(input))!, "r_forecast_8.20_results.md");
        if (!File.Exists(md)) return null;
        var line = File.ReadLines(md).FirstOrDefault(l => l.StartsWith("| ETS auto (ets) |", StringComparison.Ordinal));
        var cells = line?.Split('|', StringSplitOptions.TrimEntries);
        return cells is { Length: >= 7 } && double.TryParse(cells[^2], CultureInfo.InvariantCulture, out var s) ? s : null;
    }

    /// <summary>One row per subgroup: each method's sMAPE, the best single method, the default against it, and the default's coverage.</summary>
    private static void Subgroups(string fmt, string title, IEnumerable<(string Name, List<MethodScores> Scores, Func<PointScore, bool> In)> groups)
    {
        var singles = MethodCatalog.Singles().Select(m => m.Name).ToHashSet();
        string[]? header = null;
        var rows = new List<string[]>();
        foreach (var (name, scores, inGroup) in groups)
        {
            var summary = scores.Select(s => Benchmark.Summarise(s.Method, s.Points.Where(inGroup), s.Seconds)).ToList();
            if (summary[^1].Series == 0) continue; // a band no series reaches (test parts shorter than the horizon)
            header ??= ["group", "series", .. summary.Select(x => x.Method), "best single", "default vs best", "coverage80", "coverage95"];
            var best = summary.Where(x => singles.Contains(x.Method)).MinBy(x => x.Smape)!;
            var ours = summary[^1];
            rows.Add([name, $"{ours.Series}", .. summary.Select(x => F(x.Smape, "0.00")), best.Method,
                best.Smape > 0 ? F(ours.Smape / best.Smape - 1, "+0.0%;-0.0%;0.0%") : "-",
                F(ours.Coverage80, "0.0%"), F(ours.Coverage95, "0.0%")]);
        }
        if (header != null) Emit(fmt, title + " (sMAPE)", header, rows);
    }

    /// <summary>A CSV field, quoted when it holds a comma, quote or line break.</summary>
    private static string Csv(string field) =>
        field.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + field.Replace("\"", "\"\"") + "\"" : field;

    /// <summary>Prints a table as a console table, CSV or a Markdown table (for the README).</summary>
    private static void Emit(string fmt, string title, string[] header, IEnumerable<string[]> rows)
    {
        switch (fmt)
        {
            case "csv":
                Console.WriteLine("# " + title);
                Console.WriteLine(string.Join(",", header.Select(Csv)));
                foreach (var row in rows) Console.WriteLine(string.Join(",", row.Select(Csv)));
                break;
            case "markdown":
                Console.WriteLine($"**{title}**");
                Console.WriteLine();
                Console.WriteLine("| " + string.Join(" | ", header) + " |");
                Console.WriteLine("|" + string.Join("|", header.Select((_, i) => i == 0 ? "---" : "---:")) + "|");
                foreach (var row in rows) Console.WriteLine("| " + string.Join(" | ", row) + " |");
                break;
            default:
                var t = new Table().Border(TableBorder.Rounded).Title(Markup.Escape(title));
                foreach (var h in header) t.AddColumn(new TableColumn(Markup.Escape(h)).RightAligned());
                foreach (var row in rows) t.AddRow(row.Select(Markup.Escape).ToArray());
                AnsiConsole.Write(t);
                break;
        }
    }
}

/// <summary>forecast: fill fact_forecast and fact_attainment.</summary>
public static class ForecastRunCommand
{
    /// <summary>Registers the command on the root.</summary>
    public static void Add(RootCommand root, Option<string?> db)
    {
        var forecast = new Command("forecast", "预测并评估目标达成 / forecast every series and assess every target");
        forecast.SetAction(r => Run(Workspace.Resolve(r.GetValue(db))));
        root.Subcommands.Add(forecast);
    }

    /// <summary>Runs the forecast job and prints a summary.</summary>
    public static int Run(Workspace ws)
    {
        var pipeline = ws.Pipeline(ConsoleProgress.Instance);
        pipeline.Init();
        pipeline.Forecast();
        return 0;
    }
}
