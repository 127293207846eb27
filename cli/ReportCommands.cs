using Dapper;
using System.CommandLine;
using Spectre.Console;
using Warehouse.Reports.Briefing;

namespace Warehouse.Cli;

/// <summary>report: the dated briefing folder.</summary>
public static class ReportCommands
{
    /// <summary>Registers the command on the root.</summary>
    public static void Add(RootCommand root, Option<string?> db)
    {
        var report = new Command("report", "生成简报（Excel 与 PNG 图表）/ write the briefing (Excel workbook and PNG charts)");
        var outDir = new Option<string>("--out") { Description = "输出目录 / output folder", DefaultValueFactory = _ => "out" };
        var year = new Option<int?>("--year") { Description = "简报年份（默认最新观测年）/ year the briefing speaks for" };
        Validate.Range(year, Warehouse.Store.Periods.FirstYear, Warehouse.Store.Periods.LastYear);
        var lang = new Option<string>("--lang") { Description = "zh | en（图表文字目前为中文）", DefaultValueFactory = _ => "zh" };
        lang.AcceptOnlyFromAmong("zh", "en");
        report.Options.Add(outDir);
        report.Options.Add(year);
        report.Options.Add(lang);
        report.SetAction(r => Run(Workspace.Resolve(r.GetValue(db)), r.GetValue(outDir)!, r.GetValue(year)));
        root.Subcommands.Add(report);
    }

    /// <summary>Writes the briefing and lists its files; exit code 1 with a clear message when charts cannot be drawn.</summary>
    public static int Run(Workspace ws, string outDir, int? year)
    {
        try
        {
            WarnIfForecastsAreStale(ws);
            var output = ProgressDisplay.Run("简报 / briefing", _ => BriefingWriter.Write(ws.Dialect, outDir, year));
            AnsiConsole.MarkupLine($"简报 / briefing: [bold]{Markup.Escape(output.Folder)}[/] ({output.Files.Count(f => f.EndsWith(".png"))} PNG, 1 xlsx)");
            return 0;
        }
        catch (InvalidOperationException ex)
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            return 1;
        }
    }

    /// <summary>Says so when the forecasts the briefing will use are older than the data, or the last forecast run failed:
    /// otherwise a briefing would quietly present stale forecasts as current.</summary>
    private static void WarnIfForecastsAreStale(Workspace ws)
    {
        using var c = ws.Dialect.OpenReadOnly();
        var (forecast, lastStatus, data) = c.QuerySingle<(long? Forecast, string? LastStatus, long? Data)>("""
            SELECT (SELECT max(batch_id) FROM etl_batch WHERE job = 'forecast' AND status = 'succeeded'),
                   (SELECT status FROM etl_batch WHERE job = 'forecast' ORDER BY batch_id DESC LIMIT 1),
                   (SELECT max(batch_id) FROM etl_batch WHERE job LIKE 'ingest-%' AND status = 'succeeded' AND rows_changed > 0)
            """);
        if (lastStatus is not (null or "succeeded"))
            Console.Error.WriteLine($"warning: 最近一次预测未成功（{lastStatus}），简报使用较早的预测 / the last forecast run {lastStatus}; the briefing uses older forecasts");
        else if (data > (forecast ?? 0))
            Console.Error.WriteLine("warning: 预测早于最新导入的数据，请先运行 forecast / the forecasts are older than the latest loaded data; run `forecast` first");
    }
}
