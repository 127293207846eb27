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
    Description = "数据库 / database: a SQLite file, postgresql://user:pw@host:port/db or sqlserver://user:pw@host:port/db "
        + "(default: $WAREHOUSE_DB or data/warehouse.db)",
    Recursive = true,
};
db.Validators.Add(r =>
{
    var path = r.Tokens.Count > 0 ? r.Tokens[^1].Value : null;
    if (path != null && (path.Trim().Length == 0 || Directory.Exists(path))) r.AddError($"--db must name a database file, not '{path}'");
});
var engine = new Option<string?>("--engine")
{
    Description = "数据库引擎 / engine for a raw connection string in --db: sqlite, postgres or sqlserver (default: $WAREHOUSE_ENGINE)",
    Recursive = true,
};
engine.AcceptOnlyFromAmong("sqlite", "postgres", "sqlserver");
var root = new RootCommand("Warehouse — 江苏知识产权统计数据仓库 / IP statistics warehouse for Jiangsu regions");
root.Options.Add(db);
root.Options.Add(engine);
StoreCommands.Add(root, db);
IngestCommands.Add(root, db);
PipelineCommands.Add(root, db);
ForecastCommands.Add(root, db);
ForecastRunCommand.Add(root, db);
ReportCommands.Add(root, db);
BenchCommands.Add(root, db);
BenchBriefing.Add(root);
ServeCommand.Add(root, db);
DeliverCommand.Add(root, db);

var parse = root.Parse(args);
if (parse.Errors.Count > 0)
{
    // One line, exit code 2: a wrong option value is the user's to fix, and a page of help would bury the reason.
    Console.Error.WriteLine($"error: {CliErrors.OneLine(parse.Errors[0].Message)} (see --help)");
    return CliErrors.Usage;
}
// Every command resolves its database through Workspace.Resolve, which reads WAREHOUSE_ENGINE: one place for the option.
if (parse.GetValue(engine) is { } chosen) Environment.SetEnvironmentVariable("WAREHOUSE_ENGINE", chosen);
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
