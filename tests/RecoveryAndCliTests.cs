using System.Diagnostics;
using System.Text;
using Dapper;
using Microsoft.Data.Sqlite;
using Warehouse.Cli;
using Warehouse.Cli.Serve;
using Warehouse.Etl.Sources.Statistics;
using Warehouse.Store;
using Warehouse.Store.Engine;

namespace Warehouse.Tests;

/// <summary>Runs that die leave no running batch; waiting writers wait; the CLI answers every mistake in one line.</summary>
public class RecoveryAndCliTests
{
    private static string BigCsv(TempWarehouse wh, int rows)
    {
        var path = wh.PathOf("big.csv");
        using var w = new StreamWriter(path, false, new UTF8Encoding(false));
        w.Write("地区,指标,期间,数值\n");
        string[] regions = ["宜兴", "溧阳", "连云港", "通州区", "新北区"];
        for (var i = 0; i < rows; i++)
            w.Write($"{regions[i % 5]},专利授权量,{1950 + i / 5 / 12 % 150}-{i / 5 % 12 + 1:00},{1000 + i % 97}\n"); // plausible series
        return path;
    }

    [Theory]
    [MemberData(nameof(TempWarehouse.Engines), MemberType = typeof(TempWarehouse))]
    public void A_load_killed_with_sigkill_is_marked_interrupted_by_the_next_process_and_leaves_no_rows(string engine)
    {
        using var wh = new TempWarehouse(engine: engine);
        var csv = BigCsv(wh, 400_000);
        using var p = CliProcess.Start(["--db", wh.Db, "ingest", csv]);
        _ = p.StandardOutput.ReadToEndAsync();
        _ = p.StandardError.ReadToEndAsync();
        var sw = Stopwatch.StartNew();
        using (var c = wh.Dialect.OpenReadOnly())
        {
            while (c.ExecuteScalar<long>("SELECT count(*) FROM etl_batch WHERE status = 'running' AND job = 'ingest-statistics'") == 0)
            {
                Assert.True(sw.Elapsed < TimeSpan.FromSeconds(60), "the load never started");
                Assert.False(p.HasExited, "the load finished before it could be killed");
                Thread.Sleep(50);
            }
        }
        Thread.Sleep(700);
        p.Kill(); // SIGKILL: no finally block, no rollback handler, nothing of the process runs again
        p.WaitForExit();

        new Migrator(wh.Dialect).Migrate(); // what every command does when it opens the warehouse
        using var check = wh.Dialect.OpenReadWrite();
        Assert.Equal(0, check.ExecuteScalar<long>("SELECT count(*) FROM etl_batch WHERE status = 'running'"));
        Assert.Equal(1, check.ExecuteScalar<long>("SELECT count(*) FROM etl_batch WHERE status = 'interrupted'"));
        Assert.Equal(0, check.ExecuteScalar<long>("SELECT count(*) FROM fact_observation"));
    }

    [Fact] // SQLite only: replays SQLite's version-8 schema and checks it with PRAGMA foreign_key_check
    public void Upgrading_a_version_8_warehouse_keeps_its_data_and_marks_its_stuck_runs_interrupted()
    {
        using var wh = new TempWarehouse(init: false);
        using (var c = wh.Dialect.OpenReadWrite())
        {
            c.Execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
            foreach (var (version, name, sql) in Migrator.Migrations().Where(m => m.Version <= 8))
            {
                c.Execute(sql);
                c.Execute("INSERT INTO schema_version VALUES (@version, @name, '2026-01-01')", new { version, name });
            }
            foreach (var (_, sql) in Migrator.Views()) c.Execute(sql);
            c.Execute("INSERT INTO etl_batch (job, source, started_at, status) VALUES ('ingest-statistics', 'old.csv', '2026-01-01', 'running')");
            c.Execute("INSERT INTO etl_batch (job, source, started_at, status) VALUES ('ingest-statistics', 'done.csv', '2026-01-01', 'succeeded')");
        }
        ReferenceData.Load(wh.Dialect, TempWarehouse.SeedsDir); // fills dimensions the old schema already has
        using (var c = wh.Dialect.OpenReadWrite())
            c.Execute("""
                INSERT INTO dim_source (source_name, path, kind, checksum, loaded_at) VALUES ('done.csv', 'done.csv', 'statistics', '', '');
                INSERT INTO fact_observation (region_key, indicator_key, period_key, source_key, value, location, batch_id)
                VALUES (1, 1, (SELECT period_key FROM dim_period WHERE period_code = '2023'), 1, 42, 'line 2', 2);
                """);

        Assert.Equal(Migrator.Migrations().Select(m => m.Version).Where(v => v > 8), new Migrator(wh.Dialect).Migrate());
        using var check = wh.Dialect.OpenReadWrite();
        Assert.Equal("interrupted", check.ExecuteScalar<string>("SELECT status FROM etl_batch WHERE source = 'old.csv'"));
        Assert.Equal("succeeded", check.ExecuteScalar<string>("SELECT status FROM etl_batch WHERE source = 'done.csv'"));
        Assert.Equal(42, check.ExecuteScalar<double>("SELECT value FROM v_observations"));
        Assert.Empty(check.Query("PRAGMA foreign_key_check"));
        Assert.Equal(1L, check.ExecuteScalar<long>("PRAGMA foreign_keys"));
        Assert.Throws<SqliteException>(() => check.Execute("INSERT INTO etl_reject (batch_id, file_name, location, reason, raw_text) VALUES (999, 'f', 'l', 'r', 't')"));
    }

    [Theory]
    [MemberData(nameof(TempWarehouse.Engines), MemberType = typeof(TempWarehouse))]
    public void Only_runs_whose_process_is_gone_are_marked_interrupted(string engine)
    {
        using var wh = new TempWarehouse(engine: engine);
        var live = new BatchLog(wh.Dialect).Start("job:ingest", null); // owned by this (live) test process
        using var gone = Process.Start(new ProcessStartInfo("true"))!;
        gone.WaitForExit();
        using (var c = wh.Dialect.OpenReadWrite())
        {
            c.Execute("INSERT INTO etl_batch (job, source, started_at, status, owner) VALUES ('ingest-statistics', 'a.csv', '2026-01-01', 'running', @owner)",
                new { owner = $"{Environment.MachineName}:{gone.Id}:1" });
            c.Execute("INSERT INTO etl_batch (job, source, started_at, status, owner) VALUES ('ingest-statistics', 'b.csv', '2026-01-01', 'running', @owner)",
                new { owner = $"{Environment.MachineName}:{Environment.ProcessId}:1" }); // this pid, another start time: a reused pid
        }
        new Migrator(wh.Dialect).Migrate();
        using var check = wh.Dialect.OpenReadWrite();
        Assert.Equal([live], check.Query<long>("SELECT batch_id FROM etl_batch WHERE status = 'running'"));
        Assert.Equal(2, check.ExecuteScalar<long>("SELECT count(*) FROM etl_batch WHERE status = 'interrupted' AND error LIKE '%died%'"));
    }

    [Fact] // SQLite only: SQLite's database-wide write lock and busy timeout (PostgreSQL locks rows)
    public async Task A_second_writer_waits_for_the_first_and_migrations_take_no_lock_when_current()
    {
        using var wh = new TempWarehouse();
        File.WriteAllText(wh.PathOf("a.csv"), "地区,指标,年份,数值\n宜兴,专利授权量,2023,100\n");
        using var holder = wh.Dialect.OpenReadWrite();
        var tx = holder.BeginTransaction(); // BEGIN IMMEDIATE: holds the write lock
        holder.Execute("UPDATE dim_region SET aliases = aliases", transaction: tx);

        var impatient = new SqliteDialect(wh.Sqlite.Path) { BusyTimeout = TimeSpan.FromMilliseconds(300) };
        Assert.Empty(new Migrator(impatient).Migrate()); // schema current: reads only, so the held lock does not matter

        var release = Task.Run(() => { Thread.Sleep(1500); tx.Commit(); });
        var sw = Stopwatch.StartNew();
        var r = new StatisticsLoader(wh.Dialect).Load(wh.PathOf("a.csv"));
        Assert.True(r.Succeeded, r.Error);
        Assert.True(sw.Elapsed > TimeSpan.FromSeconds(1), "the load should have waited for the lock");
        await release;
    }

    [Fact] // SQLite only: SQLite's busy timeout
    public void A_writer_that_waits_past_its_limit_fails_its_file_cleanly()
    {
        using var wh = new TempWarehouse();
        File.WriteAllText(wh.PathOf("a.csv"), "地区,指标,年份,数值\n宜兴,专利授权量,2023,100\n");
        using var holder = wh.Dialect.OpenReadWrite();
        using var tx = holder.BeginTransaction();
        holder.Execute("UPDATE dim_region SET aliases = aliases", transaction: tx);
        var impatient = new SqliteDialect(wh.Sqlite.Path) { BusyTimeout = TimeSpan.FromMilliseconds(300) };
        var r = new StatisticsLoader(impatient).Load(wh.PathOf("a.csv"));
        Assert.False(r.Succeeded);
        Assert.Contains("a.csv", r.Error);
        Assert.Contains("locked", r.Error);
    }

    public static TheoryData<string, int, string[]> Mistakes()
    {
        string[][] all =
        [
            ["sql", "select 1", "--timeout", "-5"],
            ["sql", "select 1", "--timeout", "abc"],
            ["sql", "select 1", "--format", "xml"],
            ["sql", "selct 1"],
            ["sql", "select 1; vacuum into '/tmp/wh-escape.db'"],
            ["ingest", "/no/such/folder"],
            ["--db", "/no/such/dir/w.db", "status"],
            ["--db", "/no/such/dir/w.db", "sql", "select 1"],
            ["--db", "/etc/passwd", "sql", "select 1"],
            ["--db", "/etc/passwd", "status"],
            ["--db", "/tmp", "status"],
            ["forecast-eval", "--input", "/no/such.csv"],
            ["bench-ingest", "--rows", "0"],
            ["report", "--year", "9999"],
            ["no-such-command"],
        ];
        var data = new TheoryData<string, int, string[]>();
        foreach (var engine in TempWarehouse.Engines)
            foreach (var args in all)
                if (engine == "sqlite" || !args.Contains("--db")) // a bad --db is a SQLite file path
                    data.Add(engine, 2, args);
        if (!PostgresCluster.Skipped)
        {
            // The server's own refusals: no such database, no such login, nothing listening.
            data.Add("postgres", 2, ["--db", "{missing-database}", "status"]);
            data.Add("postgres", 2, ["--db", "{missing-database}", "sql", "select 1"]);
            data.Add("postgres", 2, ["--db", "{missing-login}", "status"]);
            data.Add("postgres", 2, ["--db", "postgresql://postgres@127.0.0.1:1/w", "status"]);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void Every_mistake_is_one_line_on_stderr_with_exit_code_2_and_no_stack_trace(string engine, int code, string[] args)
    {
        using var wh = new TempWarehouse(engine: engine);
        args = args.Select(a => a switch
        {
            "{missing-database}" => wh.Db.Replace(wh.Database!, "w_no_such_database"),
            "{missing-login}" => wh.Db.Replace("postgresql://postgres@", "postgresql://no_such_login@"),
            _ => a,
        }).ToArray();
        var full = args.Contains("--db") ? args : ["--db", wh.Db, .. args];
        var r = CliProcess.Run(full);
        Assert.Equal(code, r.ExitCode);
        CliProcess.AssertNoStackTrace(r.Stderr + r.Stdout);
        var lines = r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith("error: ", lines[0]);
    }

    [Theory]
    [MemberData(nameof(TempWarehouse.Engines), MemberType = typeof(TempWarehouse))]
    public void Under_serve_a_bad_file_is_no_poison_pill_it_moves_to_failed_and_the_rest_loads(string engine)
    {
        using var wh = new TempWarehouse(engine: engine);
        var inbox = Directory.CreateDirectory(wh.PathOf("inbox")).FullName;
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        File.WriteAllText(Path.Combine(inbox, "a_year0000.csv"), "地区,指标,年份,数值\n宜兴,专利授权量,0000,1\n宜兴,专利授权量,٢٠٢٣,2\n溧阳,专利授权量,2023,3\n");
        File.WriteAllBytes(Path.Combine(inbox, "b_big5.csv"), Encoding.GetEncoding(950).GetBytes("地區,指標,年份,數值\n宜興,專利授權量,2023,100\n"));
        foreach (var f in Directory.GetFiles(inbox)) File.SetLastWriteTimeUtc(f, DateTime.UtcNow.AddMinutes(-1));
        var options = new ServeOptions(inbox, wh.PathOf("out"), null, TimeZoneInfo.Utc, new Dictionary<string, string>());
        var service = new PipelineService(new Workspace(TempWarehouse.RepoRoot, wh.Dialect), options);

        var first = service.Ingest("manual");
        Assert.True(first.Succeeded, first.Detail);
        Assert.Equal(1, first.Failed);
        Assert.Single(Directory.GetFiles(Path.Combine(inbox, "processed"), "*a_year0000.csv"));
        var error = Assert.Single(Directory.GetFiles(Path.Combine(inbox, "failed"), "*b_big5.csv.error.txt"));
        Assert.Contains("b_big5.csv", File.ReadAllText(error));
        Assert.True(service.Ingest("manual").Succeeded); // the next run is not stuck on it
        using var c = wh.Dialect.OpenReadWrite();
        Assert.Equal(3, c.ExecuteScalar<double>("SELECT value FROM v_observations WHERE source = 'a_year0000.csv'"));
        Assert.Equal(0, c.ExecuteScalar<long>("SELECT count(*) FROM etl_batch WHERE status = 'running'"));
    }

    [Theory]
    [MemberData(nameof(TempWarehouse.Engines), MemberType = typeof(TempWarehouse))]
    public void Ingest_exits_0_when_everything_loaded_and_1_when_a_row_was_rejected_or_a_file_failed(string engine)
    {
        using var wh = new TempWarehouse(engine: engine);
        File.WriteAllText(wh.PathOf("good.csv"), "地区,指标,年份,数值\n宜兴,专利授权量,2023,100\n");
        File.WriteAllText(wh.PathOf("rejects.csv"), "地区,指标,年份,数值\n宜兴,专利授权量,0000,100\n溧阳,专利授权量,2023,5\n");
        File.WriteAllBytes(wh.PathOf("binary.csv"), [0, 1, 2, 3, 0xFF, 0xFE, 0]);
        Assert.Equal(0, CliProcess.Run("--db", wh.Db, "ingest", wh.PathOf("good.csv")).ExitCode);
        var rejected = CliProcess.Run("--db", wh.Db, "ingest", wh.PathOf("rejects.csv"));
        Assert.Equal(1, rejected.ExitCode);
        var failed = CliProcess.Run("--db", wh.Db, "ingest", wh.PathOf("binary.csv"), wh.PathOf("good.csv"));
        Assert.Equal(1, failed.ExitCode);
        Assert.Contains("binary.csv", failed.Stdout);
        CliProcess.AssertNoStackTrace(rejected.Stdout + rejected.Stderr + failed.Stdout + failed.Stderr);
        using var c = wh.Dialect.OpenReadWrite();
        Assert.Equal(2, c.ExecuteScalar<long>("SELECT count(*) FROM fact_observation"));
    }

    [Theory]
    [MemberData(nameof(TempWarehouse.Engines), MemberType = typeof(TempWarehouse))]
    public void Redirected_output_gets_plain_progress_lines_not_redraw_codes(string engine)
    {
        using var wh = new TempWarehouse(engine: engine);
        var csv = BigCsv(wh, 2_000);
        var r = CliProcess.Run("--db", wh.Db, "ingest", csv);
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("ingest: done", r.Stderr);
        Assert.DoesNotContain("\u001b[?25l", r.Stdout + r.Stderr); // the live display hides the cursor; a log must not get that
    }
}
