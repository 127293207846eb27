using System.CommandLine;
using Spectre.Console;
using Warehouse.Etl.Loading;

namespace Warehouse.Cli;

/// <summary>ingest: plan documents and statistics files into the warehouse.</summary>
public static class IngestCommands
{
    /// <summary>Registers the command on the root.</summary>
    public static void Add(RootCommand root, Option<string?> db)
    {
        var ingest = new Command("ingest", "导入规划文件和统计表 / load plan documents (.txt, .docx) and statistics (.csv, .xlsx, .xls)");
        var paths = new Argument<string[]>("paths") { Description = "文件或文件夹（递归）/ files or folders (recursive)", Arity = ArgumentArity.OneOrMore };
        var force = new Option<bool>("--force") { Description = "重新读取未变化的文件 / read files again even when unchanged since their last load" };
        ingest.Arguments.Add(paths);
        ingest.Options.Add(force);
        ingest.SetAction(r => Ingest(Workspace.Resolve(r.GetValue(db)), r.GetValue(paths)!, r.GetValue(force)));
        root.Subcommands.Add(ingest);
    }

    /// <summary>Initialises if needed, loads everything, prints one line per file; exit code 1 when any file failed.</summary>
    public static int Ingest(Workspace ws, IEnumerable<string> paths, bool force = false)
    {
        StoreCommands.Init(ws, quiet: true);
        IReadOnlyList<LoadResult> results;
        try
        {
            results = new Ingestor(ws.Dialect).Ingest(paths, "cli", r =>
            {
                if (r.Unchanged) return; // summarised in one line below
                AnsiConsole.MarkupLine(r.Succeeded ? $"[green]✓[/] {Markup.Escape(r.ToString())}" : $"[red]✗[/] {Markup.Escape(r.ToString())}");
            }, force);
        }
        catch (FileNotFoundException ex)
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            return 2;
        }
        var failed = results.Count(r => !r.Succeeded);
        var unchanged = results.Count(r => r.Unchanged);
        if (unchanged > 0) AnsiConsole.MarkupLine($"[grey]{unchanged} 个文件未变化，已跳过 / files unchanged since their last load, skipped (--force reads them again)[/]");
        var rejected = results.Sum(r => r.Rejected);
        AnsiConsole.MarkupLine($"{results.Count - unchanged} 个文件 files, {results.Sum(r => r.Loaded)} 行入库 rows loaded, {rejected} 行拒收 rejected, {failed} 个失败 failed"
            + (rejected > 0 ? "  (拒收明细 / details: warehouse status, or sql \"select * from etl_reject\")" : ""));
        return failed > 0 ? 1 : 0;
    }
}
