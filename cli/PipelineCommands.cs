using System.CommandLine;
using Spectre.Console;
using Warehouse.Etl.Sources.Illustrative;

namespace Warehouse.Cli;

/// <summary>run (the main job) and generate-illustrative.</summary>
public static class PipelineCommands
{
    /// <summary>Registers the commands on the root.</summary>
    public static void Add(RootCommand root, Option<string?> db)
    {
        var gen = new Command("generate-illustrative", "生成示例数据（需先导入规划与公开数据）/ write the illustrative yearly dataset (needs plans and published figures loaded)");
        var outFile = new Option<string>("--out") { Description = "CSV path", DefaultValueFactory = _ => "seeds/statistics/illustrative_yearly_2015_2024.csv" };
        gen.Options.Add(outFile);
        gen.SetAction(r =>
        {
            var ws = Workspace.Resolve(r.GetValue(db));
            var rows = IllustrativeSeries.Write(ws.Dialect, r.GetValue(outFile)!);
            AnsiConsole.MarkupLine($"{rows} 行示例数据 illustrative rows → {Markup.Escape(r.GetValue(outFile)!)}");
            return 0;
        });
        root.Subcommands.Add(gen);

        var run = new Command("run", "主作业：初始化、导入 seeds/、预测、生成简报 / main job: init, ingest seeds/, forecast, report");
        var outDir = new Option<string>("--out") { Description = "简报输出目录 / briefing folder", DefaultValueFactory = _ => "out" };
        run.Options.Add(outDir);
        run.SetAction(r => Run(Workspace.Resolve(r.GetValue(db)), r.GetValue(outDir)!));
        root.Subcommands.Add(run);
    }

    private static int Run(Workspace ws, string outDir)
    {
        AnsiConsole.MarkupLine("[bold]1/3 导入 / ingest seeds/[/]");
        var ingest = IngestCommands.Ingest(ws, [ws.SeedsDir], rejectsFail: false); // the shipped seeds carry known quarantined rows
        AnsiConsole.MarkupLine("[bold]2/3 预测 / forecast[/]");
        ForecastRunCommand.Run(ws);
        AnsiConsole.MarkupLine("[bold]3/3 简报 / report[/]");
        var report = ReportCommands.Run(ws, outDir, null);
        return ingest != 0 ? ingest : report;
    }
}
