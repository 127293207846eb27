using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Warehouse.Reports.Forecasting;

namespace Warehouse.Cli;

/// <summary>forecast-eval: the accuracy benchmark.</summary>
public static class ForecastCommands
{
    /// <summary>Registers the commands on the root.</summary>
    public static void Add(RootCommand root, Option<string?> db)
    {
        var eval = new Command("forecast-eval", "预测方法基准测试 / benchmark the forecasting methods on series_id,part,t,value data");
        var input = new Option<string>("--input") { Description = "CSV: series_id,part,t,value", Required = true };
        var horizon = new Option<int>("--horizon") { Description = "预测步长 / forecast horizon", DefaultValueFactory = _ => 6 };
        Validate.Range(horizon, 1, 50);
        var format = new Option<string>("--format") { Description = "table | csv", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv");
        eval.Options.Add(input);
        eval.Options.Add(horizon);
        eval.Options.Add(format);
        eval.SetAction(r =>
        {
            var series = Benchmark.Read(r.GetValue(input)!);
            var methods = MethodCatalog.All().ToList();
            var rows = ProgressDisplay.Run("预测基准 / forecast-eval", progress =>
            {
                var all = new List<BenchmarkRow>();
                foreach (var (m, i) in methods.Select((m, i) => (m, i)))
                {
                    progress.Report(i, methods.Count, m.Name);
                    all.AddRange(Benchmark.Run(series, r.GetValue(horizon), [m]));
                }
                return all;
            });
            string F(double v, string f) => v.ToString(f, CultureInfo.InvariantCulture);
            if (r.GetValue(format) == "csv")
            {
                Console.WriteLine("method,series,smape,mase,coverage80,coverage95,msis95,seconds");
                foreach (var x in rows)
                    Console.WriteLine($"{x.Method},{x.Series},{F(x.Smape, "0.000")},{F(x.Mase, "0.000")},{F(x.Coverage80, "0.000")},{F(x.Coverage95, "0.000")},{F(x.Msis95, "0.000")},{F(x.Seconds, "0.00")}");
            }
            else
            {
                var t = new Table().Border(TableBorder.Rounded);
                foreach (var h in new[] { "method", "series", "smape", "mase", "coverage80", "coverage95", "msis95", "seconds" }) t.AddColumn(new TableColumn(h).RightAligned());
                foreach (var x in rows)
                    t.AddRow(x.Method, $"{x.Series}", F(x.Smape, "0.000"), F(x.Mase, "0.000"), F(x.Coverage80, "0.0%"), F(x.Coverage95, "0.0%"), F(x.Msis95, "0.000"), F(x.Seconds, "0.00"));
                AnsiConsole.Write(t);
            }
            return 0;
        });
        root.Subcommands.Add(eval);
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
        StoreCommands.Init(ws, quiet: true);
        var result = ProgressDisplay.Run("预测 / forecast", progress =>
            new ForecastRun(ws.Dialect) { Progress = (done, all) => progress.Report(done, all, "series") }.Execute());
        AnsiConsole.MarkupLine($"预测 / forecast: {result.Series} 个序列 series, {result.ForecastRows} 行预测 forecast rows, {result.Targets} 个目标 targets: "
            + Markup.Escape(string.Join(", ", result.ByStatus.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key} {kv.Value}"))) + $" (batch {result.BatchId})");
        return 0;
    }
}
