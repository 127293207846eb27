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
            var output = ProgressDisplay.Run("简报 / briefing",
                _ => BriefingPublisher.Publish(ws.Dialect, outDir, "cli", year, say: line => Console.Error.WriteLine(line)));
            AnsiConsole.MarkupLine($"简报 / briefing: [bold]{Markup.Escape(output.Folder)}[/] ({output.Files.Count(f => f.EndsWith(".png"))} PNG, 1 xlsx)");
            return 0;
        }
        catch (InvalidOperationException ex)
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            return 1;
        }
    }
}
