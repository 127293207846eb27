using System.CommandLine;
using System.Text;
using Warehouse.Cli;

Console.OutputEncoding = Encoding.UTF8;
Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
if (Console.IsOutputRedirected)
{
    // A log file or a pipe gets plain text: no colour codes, and no wrapping at an imagined 80-column terminal.
    Spectre.Console.AnsiConsole.Console = Spectre.Console.AnsiConsole.Create(new Spectre.Console.AnsiConsoleSettings
    {
        Ansi = Spectre.Console.AnsiSupport.No,
        ColorSystem = Spectre.Console.ColorSystemSupport.NoColors,
        Interactive = Spectre.Console.InteractionSupport.No,
    });
    Spectre.Console.AnsiConsole.Profile.Width = 1000;
}

var db = new Option<string?>("--db")
{
    Description = "数据库文件 / SQLite database file (default: $WAREHOUSE_DB or data/warehouse.db)",
    Recursive = true,
};
db.Validators.Add(r =>
{
    var path = r.Tokens.Count > 0 ? r.Tokens[^1].Value : null;
    if (path != null && (path.Trim().Length == 0 || Directory.Exists(path))) r.AddError($"--db must name a database file, not '{path}'");
});
var root = new RootCommand("Warehouse — 江苏知识产权统计数据仓库 / IP statistics warehouse for Jiangsu regions");
root.Options.Add(db);
StoreCommands.Add(root, db);
IngestCommands.Add(root, db);
PipelineCommands.Add(root, db);
ForecastCommands.Add(root, db);
ForecastRunCommand.Add(root, db);
ReportCommands.Add(root, db);
BenchCommands.Add(root);
BenchBriefing.Add(root);
ServeCommand.Add(root, db);

var parse = root.Parse(args);
if (parse.Errors.Count > 0)
{
    // One line, exit code 2: a wrong option value is the user's to fix, and a page of help would bury the reason.
    Console.Error.WriteLine($"error: {CliErrors.OneLine(parse.Errors[0].Message)} (see --help)");
    return CliErrors.Usage;
}
try
{
    return parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (Exception ex)
{
    return CliErrors.Report(ex, EngineOf(parse.GetValue(db)));
}

// The engine the command ran on, so it can word its own errors; null when the --db value itself is what was wrong.
static Warehouse.Store.Engine.SqlDialect? EngineOf(string? db)
{
    try { return Workspace.Resolve(db).Dialect; }
    catch (Exception e) when (e is ArgumentException or FormatException) { return null; }
}
