using Spectre.Console;
using Warehouse.Etl.Loading;
using Warehouse.Reports.Briefing;
using Warehouse.Reports.Forecasting;
using Warehouse.Reports.Pipeline;

namespace Warehouse.Cli;

/// <summary>Prints what the pipeline does: a line per step and per file, progress bars on a terminal, a summary per step.</summary>
public sealed class ConsoleProgress : IPipelineProgress
{
    /// <summary>The one instance (it holds no state).</summary>
    public static readonly ConsoleProgress Instance = new();

    /// <inheritdoc />
    public void Step(int number, int count, string title) => AnsiConsole.MarkupLine($"[bold]{number}/{count} {Markup.Escape(title)}[/]");

    /// <inheritdoc />
    public T Track<T>(string title, Func<Action<double, double?, string?>, T> work) =>
        ProgressDisplay.Run(title, line => work(line.Report));

    /// <inheritdoc />
    public void Loaded(LoadResult r)
    {
        if (r.Unchanged) return; // summarised in one line by Ingested
        AnsiConsole.MarkupLine(r.Succeeded ? $"[green]✓[/] {Markup.Escape(r.ToString())}" : $"[red]✗[/] {Markup.Escape(r.ToString())}");
    }

    /// <inheritdoc />
    public void Ingested(IReadOnlyList<LoadResult> results)
    {
        var failed = results.Count(r => !r.Succeeded);
        var unchanged = results.Count(r => r.Unchanged);
        if (unchanged > 0)
            AnsiConsole.MarkupLine($"[grey]{unchanged} 个文件未变化，已跳过 / files unchanged since their last load, skipped "
                + "(--force reads them again)[/]");
        foreach (var r in results.Where(r => r.StandingRejects > 0))
            AnsiConsole.MarkupLine($"[yellow]![/] {Markup.Escape(r.ToString())}（明细 / details: warehouse status）");
        var rejected = results.Sum(r => r.Rejected);
        AnsiConsole.MarkupLine($"{results.Count - unchanged} 个文件 files, {results.Sum(r => r.Loaded)} 行入库 rows loaded, "
            + $"{rejected} 行拒收 rejected, {failed} 个失败 failed"
            + (rejected > 0 ? "  (拒收明细 / details: warehouse status, or sql \"select * from etl_reject\")" : ""));
    }

    /// <inheritdoc />
    public void Forecasted(ForecastRunResult result) =>
        AnsiConsole.MarkupLine($"预测 / forecast: {result.Series} 个序列 series, {result.ForecastRows} 行预测 forecast rows, "
            + $"{result.Targets} 个目标 targets: "
            + Markup.Escape(string.Join(", ", result.ByStatus.OrderBy(kv => kv.Key).Select(kv => $"{kv.Key} {kv.Value}")))
            + $" (batch {result.BatchId})");

    /// <inheritdoc />
    public void Published(BriefingOutput output)
    {
        var t = output.Timings;
        AnsiConsole.MarkupLine($"简报 / briefing: [bold]{Markup.Escape(output.Folder)}[/] ({output.Regions} regions, "
            + $"{output.Files.Count(f => f.EndsWith(".png"))} PNG, 1 xlsx; {Seconds(t.Total)} s: load {Seconds(t.Load)}, "
            + $"charts {Seconds(t.Charts)}, workbook {Seconds(t.Workbook)})");
    }

    /// <inheritdoc />
    public void Say(string line) => Console.Error.WriteLine(line);

    private static string Seconds(double s) => s.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture);
}
