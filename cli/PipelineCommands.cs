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

    /// <summary>The main job (reports/Pipeline/MainJob): exit code 1 when a file failed or the briefing could not be written;
    /// rejected rows alone do not fail it, since the shipped seeds carry known quarantined rows.</summary>
    private static int Run(Workspace ws, string outDir)
    {
        try
        {
            return ws.Pipeline(ConsoleProgress.Instance).Run(outDir).FilesFailed ? CliErrors.Failed : 0;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            return CliErrors.Failed;
        }
    }
}
