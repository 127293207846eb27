using System.CommandLine;

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

    /// <summary>Initialises if needed, loads everything (skipping files unchanged since their last load unless forced), prints one
    /// line per file. Exit code 0 when every file loaded whole, 1 when any file failed or any row was rejected, 2 for a path that
    /// does not exist.</summary>
    public static int Ingest(Workspace ws, IEnumerable<string> paths, bool force = false, bool rejectsFail = true)
    {
        var results = ws.Pipeline(ConsoleProgress.Instance).Ingest(paths, "cli", force);
        var failed = results.Count(r => !r.Succeeded);
        // A skipped file whose last load rejected rows still has them: a scheduled re-run must not turn green on its own.
        var rejected = results.Sum(r => r.Rejected + r.StandingRejects);
        return failed > 0 || (rejectsFail && rejected > 0) ? CliErrors.Failed : 0;
    }
}
