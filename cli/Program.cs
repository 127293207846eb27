using System.CommandLine;
using System.Text;
using Warehouse.Cli;

Console.OutputEncoding = Encoding.UTF8;
Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

var db = new Option<string?>("--db")
{
    Description = "数据库文件 / SQLite database file (default: $WAREHOUSE_DB or data/warehouse.db)",
    Recursive = true,
};
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
return root.Parse(args).Invoke();
