using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Warehouse.Store;

namespace Warehouse.Cli;

/// <summary>init, status and sql: creating the warehouse and looking into it.</summary>
public static class StoreCommands
{
    /// <summary>Registers the commands on the root.</summary>
    public static void Add(RootCommand root, Option<string?> db)
    {
        var init = new Command("init", "创建或升级数据库并加载参考数据 / create or migrate the database and load reference data");
        init.SetAction(r => Init(Workspace.Resolve(r.GetValue(db)), quiet: false));
        root.Subcommands.Add(init);

        var status = new Command("status", "架构版本、行数、最近批次与拒收行 / schema version, row counts, recent batches and rejects");
        var batches = new Option<int>("--batches") { Description = "显示的批次数 / batches to show", DefaultValueFactory = _ => 10 };
        Validate.Range(batches, 1, 10_000);
        status.Options.Add(batches);
        status.SetAction(r => Status(Workspace.Resolve(r.GetValue(db)), r.GetValue(batches)));
        root.Subcommands.Add(status);

        var sql = new Command("sql", "只读 SQL 查询 / run a read-only SQL query");
        var query = new Argument<string>("query") { Description = "SELECT ... / WITH ..." };
        var format = new Option<string>("--format") { Description = "table | csv | json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong(Output.Formats);
        var timeout = new Option<int>("--timeout") { Description = "超时秒数（含输出）/ time limit in seconds, output included", DefaultValueFactory = _ => 30 };
        Validate.Range(timeout, 1, 86_400);
        var maxRows = new Option<int>("--max-rows") { Description = "最多输出行数 / most rows to print", DefaultValueFactory = _ => 100_000 };
        Validate.Range(maxRows, 1, 10_000_000);
        sql.Arguments.Add(query);
        sql.Options.Add(format);
        sql.Options.Add(timeout);
        sql.Options.Add(maxRows);
        sql.SetAction(r => Sql(Workspace.Resolve(r.GetValue(db)), r.GetValue(query)!, r.GetValue(format)!, r.GetValue(timeout), r.GetValue(maxRows)));
        root.Subcommands.Add(sql);
    }

    /// <summary>Migrates and loads reference data; returns the exit code.</summary>
    public static int Init(Workspace ws, bool quiet)
    {
        var init = ws.Pipeline().Init();
        var (applied, regions, indicators) = init;
        // A server login without CREATEROLE still gets a warehouse; it is told how `sql` is confined meanwhile.
        if (init.ReaderNote is { } note) Console.Error.WriteLine($"note: {note}");
        if (!quiet)
        {
            AnsiConsole.MarkupLine($"数据库 / database: [bold]{Markup.Escape(ws.Dialect.Location)}[/]");
            AnsiConsole.MarkupLine(applied.Count == 0
                ? "架构已是最新 / schema up to date"
                : $"已应用迁移 / migrations applied: {string.Join(", ", applied)}");
            AnsiConsole.MarkupLine($"参考数据 / reference data: {regions} 个地区 regions, {indicators} 个指标 indicators");
        }
        return 0;
    }

    private static int Status(Workspace ws, int batchCount)
    {
        Migrator.RequireWarehouse(ws.Dialect); // a missing SQLite file, or a database without a warehouse, is named here
        // Opening the warehouse is when dead runs are found: a killed load shows as interrupted, not running for ever.
        using (var rw = ws.Dialect.OpenReadWrite())
            if (Migrator.CurrentVersion(rw, ws.Dialect) > 0 && new Migrator(ws.Dialect).IsCurrent(rw)) BatchLog.MarkInterrupted(ws.Dialect, rw);
        using var c = ws.Dialect.OpenReadOnly();
        AnsiConsole.MarkupLine($"数据库 / database: [bold]{Markup.Escape(ws.Dialect.Location)}[/] ({ws.Dialect.Name}), 架构版本 / schema version {Migrator.CurrentVersion(c, ws.Dialect)}");
        var read = new ReadModels(ws.Dialect, c);
        var counts = new Table().Border(TableBorder.Rounded).AddColumn("表 / table").AddColumn(new TableColumn("行数 / rows").RightAligned());
        foreach (var t in read.TableCounts()) counts.AddRow(t.TableName, t.Total.ToString("N0"));
        AnsiConsole.Write(counts);

        var batches = new Table().Border(TableBorder.Rounded).Title("最近批次 / recent batches");
        string[] heads = ["id", "作业 job", "来源 source", "开始 started（北京时间）", "状态 status", "读 read", "入库 loaded", "拒收 rejected",
            "变更 changed", "错误 error"];
        foreach (var h in heads)
            batches.AddColumn(h);
        foreach (var b in read.Batches(batchCount))
        {
            var colour = b.Status switch { "succeeded" => "green", "failed" => "red", "interrupted" => "maroon", _ => "yellow" };
            var started = ReadModels.Beijing(b.StartedAt).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            batches.AddRow(Markup.Escape($"{b.BatchId}"), Markup.Escape(b.Job), Markup.Escape(Path.GetFileName(b.Source ?? "")),
                Markup.Escape(started),
                $"[{colour}]{Markup.Escape(b.Status)}[/]", $"{b.RowsRead}", $"{b.RowsLoaded}", $"{b.RowsRejected}", $"{b.RowsChanged}",
                Markup.Escape(b.Error ?? ""));
        }
        AnsiConsole.Write(batches);

        var rejects = read.RejectReasons();
        if (rejects.Count > 0)
        {
            var t = new Table().Border(TableBorder.Rounded).Title("拒收原因 / reject reasons (see `sql \"select * from etl_reject\"`)")
                .AddColumn("原因 reason").AddColumn("行数 rows").AddColumn("例 example");
            foreach (var r in rejects) t.AddRow(Markup.Escape(r.Reason), $"{r.Total}", Markup.Escape(r.Example ?? ""));
            AnsiConsole.Write(t);
        }
        return 0;
    }

    private static int Sql(Workspace ws, string query, string format, int timeoutSeconds, int maxRows)
    {
        // One deadline for the whole command: the engine's run and the writing of every row.
        var timeout = TimeSpan.FromSeconds(timeoutSeconds);
        using var deadline = new CancellationTokenSource(timeout);
        // Row-by-row checks cannot stop a write blocked on a full pipe; past the deadline and a short grace, the process ends itself.
        var timedOut = $"查询超时（{timeoutSeconds} 秒，含输出）/ timeout after {timeoutSeconds}s while writing the output; add LIMIT or raise --timeout";
        using var watchdog = new Timer(_ => CliErrors.ExitNow(CliErrors.Failed, timedOut), null, timeout + TimeSpan.FromSeconds(2), Timeout.InfiniteTimeSpan);
        var limits = new QueryLimits(MaxRows: format == "table" ? Math.Min(maxRows, Output.TableRows) : maxRows);
        try
        {
            var result = AdHocQuery.Run(ws.Dialect, query, limits, deadline.Token, timeout);
            Output.Write(result, format, deadline.Token);
            return 0;
        }
        catch (OperationCanceledException)
        {
            // Standard output may be a full pipe: exiting the usual way would wait to flush it, past the deadline.
            CliErrors.ExitNow(CliErrors.Failed, timedOut);
            return CliErrors.Failed;
        }
    }
}
