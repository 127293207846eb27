using System.CommandLine;
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
        var lang = new Option<string>("--lang")
        {
            Description = "图表与工作簿的语言 / language of charts and workbook: zh | en", DefaultValueFactory = _ => "zh",
        };
        lang.AcceptOnlyFromAmong("zh", "en");
        var regions = new Option<string[]>("--regions")
        {
            Description = "地区（代码、名称或别名，逗号或空格分隔；默认：有目标的地区）/ regions by code, name or alias (default: every region with goals)",
            AllowMultipleArgumentsPerToken = true,
        };
        report.Options.Add(outDir);
        report.Options.Add(year);
        report.Options.Add(lang);
        report.Options.Add(regions);
        report.SetAction(r => Run(Workspace.Resolve(r.GetValue(db)), r.GetValue(outDir)!, r.GetValue(year), SplitRegions(r.GetValue(regions)),
            Lang.Parse(r.GetValue(lang))));
        root.Subcommands.Add(report);
    }

    /// <summary>"320411,320481 320700" → three codes.</summary>
    public static IReadOnlyList<string>? SplitRegions(string[]? values) =>
        values is { Length: > 0 }
            ? values.SelectMany(v => v.Split([',', '，', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList()
            : null;

    /// <summary>Writes the briefing and lists its files; exit code 1 with a clear message when charts cannot be drawn.</summary>
    public static int Run(Workspace ws, string outDir, int? year, IReadOnlyList<string>? regions = null, Lang? lang = null)
    {
        try
        {
            ws.Pipeline(ConsoleProgress.Instance).Report(outDir, "cli", year, regions, lang);
            return 0;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            return 1;
        }
    }
}
