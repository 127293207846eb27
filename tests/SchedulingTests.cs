using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Dapper;
using Hangfire;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Warehouse.Cli;
using Warehouse.Cli.Serve;
using Warehouse.Store;
using Warehouse.Store.Benchmarks;
using Warehouse.Store.Engine;
using Xunit.Abstractions;

namespace Warehouse.Tests;

/// <summary>The scheduled jobs on Hangfire: retries, the per-job lock, missed runs, several nodes on one database.</summary>
[Collection("server")]
public class SchedulingTests(ITestOutputHelper output)
{
    private static Exception Transient(string engine) => engine == "postgres"
        ? new Npgsql.PostgresException("could not serialize access (simulated)", "ERROR", "ERROR", "40001")
        : new SqliteException("database is locked (simulated)", 5);

    private static JobStorage Storage(TestServer s) => s.App.Services.GetRequiredService<JobStorage>();

    [Theory]
    [MemberData(nameof(TempWarehouse.Engines), MemberType = typeof(TempWarehouse))]
    public async Task A_transient_error_gets_another_attempt_and_a_permanent_error_stays_failed(string engine)
    {
        var attempts = new Dictionary<string, int>();
        await using var s = new TestServer(engine: engine, configure: service => service.BeforeAttempt = (job, attempt) =>
        {
            lock (attempts) attempts[job] = attempt;
            if (job == "forecast" && attempt == 1) throw Transient(engine);
            if (job == "briefing") throw new InvalidDataException("a permanent failure (simulated)");
        });
        Assert.Equal(HttpStatusCode.Accepted, (await s.Http.PostAsync("/api/jobs/forecast/trigger", null)).StatusCode);
        var monitor = Storage(s).GetMonitoringApi();
        Assert.True(await TestServer.Eventually(() => monitor.FailedCount() == 1, 60), "the chained briefing fails");
        var forecast = s.JobBatches().Where(b => b.Job == "job:forecast").ToList();
        Assert.Equal("succeeded", forecast.Last().Status);
        Assert.Contains("succeeded on attempt 2", forecast.Last().Detail);
        Assert.Equal(2, attempts["forecast"]);

        await Task.Delay(5000); // three retry delays of the test's 1 s back-off would have passed
        Assert.Equal(1, attempts["briefing"]);
        Assert.Equal(1, monitor.FailedCount());
        Assert.Equal(0, monitor.ScheduledCount());
        var failed = monitor.FailedJobs(0, 10).Single().Value;
        Assert.Contains("a permanent failure", failed.ExceptionMessage);
    }

    [Fact] // SQLite only: a writer holding the file's lock longer than the busy timeout is SQLite's own way of being busy
    public async Task A_run_triggered_while_the_database_is_busy_is_not_lost()
    {
        using var wh = new TempWarehouse();
        var impatient = new SqliteDialect(wh.Db) { BusyTimeout = TimeSpan.FromSeconds(1) };
        await using var s = new TestServer(shared: wh, dialect: impatient);
        using var holder = new SqliteConnection($"Data Source={wh.Db}");
        holder.Open();
        holder.Execute("BEGIN EXCLUSIVE");
        Assert.Equal(HttpStatusCode.Accepted, (await s.Http.PostAsync("/api/jobs/ingest/trigger", null)).StatusCode);
        await Task.Delay(2500); // the first attempt fails busy while the lock is held
        holder.Execute("COMMIT");
        Assert.True(await TestServer.Eventually(() => s.JobBatches().Any(b => b is { Job: "job:ingest", Status: "succeeded" or "partial" }), 90),
            "the triggered ingest ran once the database was free");
        Assert.Equal(0, Storage(s).GetMonitoringApi().FailedCount());
    }

    [Theory]
    [MemberData(nameof(TempWarehouse.Engines), MemberType = typeof(TempWarehouse))]
    public async Task Two_runs_of_one_job_never_overlap_even_while_the_first_is_held_busy(string engine)
    {
        // Every forecast run is held for 2 s before it starts its batch: without the lock both batches would run side by side.
        await using var s = new TestServer(engine: engine, configure: service => service.BeforeAttempt = (job, _) =>
        {
            if (job == "forecast") Thread.Sleep(2000);
        }, settings: new() { ["Warehouse:Schedules:briefing"] = "" });
        await s.Http.PostAsync("/api/jobs/forecast/trigger", null);
        await s.Http.PostAsync("/api/jobs/forecast/trigger", null);
        Assert.True(await TestServer.Eventually(() => s.JobBatches().Count(b => b.Job == "job:forecast" && b.Status != "running") >= 2, 120));
        var runs = s.JobBatches().Where(b => b.Job == "job:forecast").ToList();
        Assert.True(runs[0].Finished <= runs[1].Started, $"second run started {runs[1].Started:O}, first finished {runs[0].Finished:O}");
    }

    [Fact]
    public async Task A_briefing_waits_for_a_running_ingest_instead_of_publishing_a_half_loaded_warehouse()
    {
        await using var s = new TestServer(configure: service => service.BeforeAttempt = (job, _) =>
        {
            if (job == "ingest") Thread.Sleep(2000);
        });
        await s.Http.PostAsync("/api/jobs/ingest/trigger", null);
        await Task.Delay(500);
        await s.Http.PostAsync("/api/jobs/briefing/trigger", null);
        Assert.True(await TestServer.Eventually(() => s.JobBatches().Count(b => b is { Job: "job:briefing", Status: not "running" }) >= 2, 180));
        var jobs = s.JobBatches();
        var ingest = jobs.First(b => b.Job == "job:ingest");
        Assert.All(jobs.Where(b => b.Job == "job:briefing"), b => Assert.True(b.Started >= ingest.Finished,
            $"briefing started {b.Started:O}, ingest finished {ingest.Finished:O}"));
        Assert.All(jobs.Where(b => b.Job == "job:briefing"), b => Assert.Equal("succeeded", b.Status));
    }

    [Theory]
    [MemberData(nameof(TempWarehouse.Engines), MemberType = typeof(TempWarehouse))]
    public void The_job_lock_is_exclusive_until_released(string engine)
    {
        using var wh = new TempWarehouse(engine: engine);
        using (var first = JobLock.Acquire(wh.Dialect, "ingest", TimeSpan.Zero))
        {
            Assert.NotNull(first);
            Assert.Null(JobLock.Acquire(wh.Dialect, "ingest", TimeSpan.FromMilliseconds(300)));
            using var other = JobLock.Acquire(wh.Dialect, "forecast", TimeSpan.Zero);
            Assert.NotNull(other); // one lock per job, not one for all
        }
        using var again = JobLock.Acquire(wh.Dialect, "ingest", TimeSpan.Zero);
        Assert.NotNull(again);
    }

    [Theory]
    [InlineData("every morning")]
    [InlineData("0 0 8 1 * ? 2027")] // Quartz's year field: Hangfire has none
    [InlineData("61 * * * *")]
    [InlineData("* * 31 2")]
    public void A_bad_schedule_stops_the_server_at_start_naming_the_job_and_setting(string cron)
    {
        using var wh = new TempWarehouse();
        var ex = Assert.Throws<InvalidOperationException>(() => Dashboard.Build(new Workspace(TempWarehouse.RepoRoot, wh.Dialect), "http://127.0.0.1:0",
            new Dictionary<string, string?> { ["Warehouse:Schedules:forecast"] = cron }));
        Assert.Contains("invalid cron expression for job 'forecast' (Warehouse:Schedules:forecast)", ex.Message);
    }

    [Fact]
    public async Task A_scheduled_run_missed_while_the_server_was_down_runs_once_at_start()
    {
        using var wh = new TempWarehouse();
        await using (var first = new TestServer(shared: wh))
        {
            await first.Http.PostAsync("/api/jobs/forecast/trigger", null);
            Assert.True(await TestServer.Eventually(() => first.JobBatches().Any(b => b is { Job: "job:briefing", Status: not "running" }), 120));
        }
        // The server was down for two days, across two 03:00 runs of the daily forecast.
        using (var c = wh.Dialect.OpenReadWrite())
            c.Execute("UPDATE etl_batch SET started_at = @at WHERE job = 'job:forecast'", new { at = DateTimeOffset.UtcNow.AddDays(-2).ToString("O") });
        await using var second = new TestServer(shared: wh, settings: new() { ["Warehouse:Schedules:forecast"] = "0 3 * * *" });
        Assert.True(await TestServer.Eventually(() => second.JobBatches().Any(b => b is { Job: "job:forecast", Trigger: "missed", Status: not "running" }), 90));
        await Task.Delay(3000);
        Assert.Single(second.JobBatches(), b => b.Trigger == "missed");
    }

    [Theory]
    [MemberData(nameof(TempWarehouse.Engines), MemberType = typeof(TempWarehouse))]
    public void A_briefing_before_any_plan_is_loaded_is_refused_not_an_empty_scorecard(string engine)
    {
        // A new warehouse's first scheduled briefing can fire before its first ingest (both at 08:00 on the 1st).
        using var wh = new TempWarehouse(engine: engine);
        var options = new ServeOptions(wh.PathOf("inbox"), wh.PathOf("out"), null, TimeZoneInfo.Utc, new Dictionary<string, string>());
        var service = new PipelineService(new Workspace(TempWarehouse.RepoRoot, wh.Dialect), options);
        var ex = Assert.Throws<Warehouse.Reports.Pipeline.JobFailedException>(() => service.Briefing("schedule"));
        Assert.Contains("no plan goals yet", ex.Message);
        Assert.False(Directory.Exists(wh.PathOf("out")) && Directory.EnumerateFileSystemEntries(wh.PathOf("out")).Any(), "nothing published");
        using var c = wh.Dialect.OpenReadOnly();
        Assert.Equal("failed", c.ExecuteScalar<string>("SELECT status FROM etl_batch WHERE job = 'job:briefing'"));
    }

    [Fact]
    public async Task A_second_server_on_one_SQLite_file_is_refused_and_can_start_once_the_first_stopped()
    {
        using var wh = new TempWarehouse();
        await using (var first = new TestServer(shared: wh))
        {
            var ex = Assert.Throws<InvalidOperationException>(() => Dashboard.Build(new Workspace(TempWarehouse.RepoRoot, wh.Dialect), "http://127.0.0.1:0"));
            Assert.Contains("another `serve` already runs on", ex.Message);
        }
        await using var again = new TestServer(shared: wh);
        Assert.Equal(HttpStatusCode.OK, (await again.Http.GetAsync("/api/jobs")).StatusCode);
    }

    [Fact]
    public void A_schedule_for_a_job_that_does_not_exist_is_refused_at_start()
    {
        using var wh = new TempWarehouse();
        var ex = Assert.Throws<InvalidOperationException>(() => Dashboard.Build(new Workspace(TempWarehouse.RepoRoot, wh.Dialect), "http://127.0.0.1:0",
            new Dictionary<string, string?> { ["Warehouse:Schedules:ingets"] = "*/5 * * * *" }));
        Assert.Contains("unknown job 'ingets' in Warehouse:Schedules:ingets", ex.Message);
    }

    [Fact]
    public async Task An_ingest_with_rejected_rows_is_partial_and_its_row_counts_rows()
    {
        await using var s = new TestServer();
        var inbox = Directory.CreateDirectory(s.Warehouse.PathOf("inbox")).FullName;
        await s.Http.PostAsync("/api/jobs/ingest/trigger", null); // the seeds first, so the next run reads only the upload
        Assert.True(await TestServer.Eventually(() => s.JobBatches().Any(b => b is { Job: "job:ingest", Status: not "running" }), 120));
        using (var form = new MultipartFormDataContent())
        {
            form.Add(new StringContent("地区,指标,年份,数值\n宜兴,专利授权量,2023,1\n宜兴,专利授权量,2023,abc\n火星市,专利授权量,2023,3\n"), "file", "x.csv");
            Assert.Equal(HttpStatusCode.OK, (await s.Http.PostAsync("/api/inbox", form)).StatusCode);
        }
        using (var again = new MultipartFormDataContent())
        {
            again.Add(new StringContent("地区,指标,年份,数值\n宜兴,专利授权量,2023,1\n宜兴,专利授权量,2023,abc\n火星市,专利授权量,2023,3\n"), "file", "x.csv");
            var answer = await (await s.Http.PostAsync("/api/inbox", again)).Content.ReadAsStringAsync();
            Assert.Contains("\"replaced\":[\"x.csv\"]", answer); // the earlier upload, not yet loaded, is replaced and the answer says so
        }
        foreach (var f in Directory.GetFiles(inbox)) File.SetLastWriteTimeUtc(f, DateTime.UtcNow.AddMinutes(-1));
        await s.Http.PostAsync("/api/jobs/ingest/trigger", null);
        Assert.True(await TestServer.Eventually(() => s.JobBatches().Count(b => b is { Job: "job:ingest", Status: not "running" }) >= 2, 120));
        var run = s.JobBatches().Last(b => b.Job == "job:ingest");
        Assert.Equal("partial", run.Status);
        using var c = s.Warehouse.Dialect.OpenReadOnly();
        var counts = c.QuerySingle<(long Read, long Loaded, long Rejected)>(
            "SELECT rows_read, rows_loaded, rows_rejected FROM etl_batch WHERE batch_id = @Id", new { run.Id });
        // Rows, not files: three read; the two bad ones (and the good one, if the plausibility rule quarantines it) rejected.
        Assert.Equal(3L, counts.Read);
        Assert.Equal(3L, counts.Loaded + counts.Rejected);
        Assert.True(counts.Rejected >= 2, $"{counts.Rejected} rows rejected");
    }

    [Fact]
    public async Task A_job_that_never_ran_has_no_missed_run()
    {
        await using var s = new TestServer(new() { ["Warehouse:Schedules:forecast"] = "0 3 * * *" });
        await Task.Delay(4000);
        Assert.DoesNotContain(s.JobBatches(), b => b.Job == "job:forecast");
    }

    [PostgresFact]
    public async Task Two_nodes_on_one_PostgreSQL_database_run_a_trigger_once()
    {
        using var wh = new TempWarehouse(engine: "postgres");
        await using var a = new TestServer(shared: wh);
        await using var b = new TestServer(shared: wh);
        Assert.True(await TestServer.Eventually(() => Storage(a).GetMonitoringApi().Servers().Count == 2, 30), "both nodes announced");
        Assert.Equal(HttpStatusCode.Accepted, (await a.Http.PostAsync("/api/jobs/ingest/trigger", null)).StatusCode);
        Assert.True(await TestServer.Eventually(() => a.JobBatches().Any(x => x is { Job: "job:briefing", Status: not "running" }), 180));
        await Task.Delay(4000);
        var jobs = a.JobBatches();
        Assert.Equal((1, 1, 1), (jobs.Count(x => x.Job == "job:ingest"), jobs.Count(x => x.Job == "job:forecast"), jobs.Count(x => x.Job == "job:briefing")));
    }

    [PostgresFact]
    public async Task Two_nodes_on_one_PostgreSQL_database_fire_each_scheduled_run_once()
    {
        using var wh = new TempWarehouse(engine: "postgres");
        var every5s = new Dictionary<string, string?> { ["Warehouse:Schedules:briefing"] = "*/5 * * * * *" };
        var start = DateTimeOffset.UtcNow;
        await using (var a = new TestServer(every5s, shared: wh))
        await using (var b = new TestServer(every5s, shared: wh))
            await Task.Delay(TimeSpan.FromSeconds(21));
        var end = DateTimeOffset.UtcNow;
        // Hangfire fires at whole seconds, and a schedule registered a few milliseconds after an occurrence fires that
        // occurrence: count from the start of the second the servers started in.
        var occurrences = ServeOptions.ParseCron("*/5 * * * * *")!
            .GetOccurrences(start.AddTicks(-(start.Ticks % TimeSpan.TicksPerSecond)), end, TimeZoneInfo.Utc, fromInclusive: true).Count();
        using var c = wh.Dialect.OpenReadOnly();
        // A retry of a transient failure is the same firing, not a second one.
        var runs = c.ExecuteScalar<int>("SELECT count(*) FROM etl_batch WHERE job = 'job:briefing' AND triggered_by = 'schedule' "
            + "AND coalesce(error, '') NOT LIKE '%will retry%'");
        var seen = string.Join("\n", c.Query<string>("SELECT batch_id || ' ' || job || ' ' || triggered_by || ' ' || status || ' ' || started_at FROM etl_batch"));
        output.WriteLine($"{start:O} .. {end:O}\n{seen}");
        Assert.InRange(runs, 2, occurrences); // two nodes firing each occurrence would make twice as many
    }

    [PostgresFact]
    public async Task A_node_killed_mid_job_has_its_job_finished_by_the_other_node_within_two_minutes()
    {
        using var wh = new TempWarehouse(engine: "postgres");
        var inbox = Directory.CreateDirectory(wh.PathOf("inbox")).FullName;
        Catalog catalog;
        using (var c = wh.Dialect.OpenReadOnly()) catalog = Catalog.Load(wh.Dialect, c);
        var big = Path.Combine(inbox, "big.csv");
        var rows = BenchFile.Write(catalog, big, 400_000, _ => { }); // long enough a load to be killed in the middle of
        File.SetLastWriteTimeUtc(big, DateTime.UtcNow.AddMinutes(-1));

        var port = FreePort();
        using var node = CliProcess.Start(["--db", wh.Db, "serve", "--urls", $"http://127.0.0.1:{port}"],
            environment: new()
            {
                ["Warehouse__Inbox"] = inbox, ["Warehouse__BriefingsDir"] = wh.PathOf("out"), ["Warehouse__Schedules__ingest"] = "",
                ["Warehouse__Schedules__briefing"] = "", ["Warehouse__Scheduler__PollSeconds"] = "1",
            });
        var said = new System.Collections.Concurrent.ConcurrentQueue<string>(); // drained, so a full pipe never stalls the node
        node.OutputDataReceived += (_, e) => said.Enqueue(e.Data ?? "");
        node.ErrorDataReceived += (_, e) => said.Enqueue(e.Data ?? "");
        node.BeginOutputReadLine();
        node.BeginErrorReadLine();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        Assert.True(await TestServer.Eventually(() => Up(http), 60), "the first node started: " + string.Join('\n', said));
        Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsync("/api/jobs/ingest/trigger", null)).StatusCode);
        Assert.True(await TestServer.Eventually(() => Running(wh, "big.csv"), 120), "the first node is loading big.csv: " + string.Join('\n', said));
        node.Kill(entireProcessTree: true);
        node.WaitForExit();
        var killed = Stopwatch.StartNew();

        await using var other = new TestServer(shared: wh);
        Assert.True(await TestServer.Eventually(() => other.JobBatches().Any(b => b is { Job: "job:ingest", Status: "succeeded" or "partial" }), 150),
            "the other node finished the ingest");
        var took = killed.Elapsed;
        Assert.True(took < TimeSpan.FromMinutes(2), $"taken over after {took.TotalSeconds:0} s");
        using var r = wh.Dialect.OpenReadOnly();
        Assert.Equal("interrupted", r.ExecuteScalar<string>("SELECT status FROM etl_batch WHERE job = 'job:ingest' ORDER BY batch_id LIMIT 1"));
        Assert.Equal(1, r.ExecuteScalar<int>("SELECT count(*) FROM etl_batch WHERE source LIKE '%big.csv' AND status = 'succeeded'"));
        Assert.Single(Directory.GetFiles(Path.Combine(inbox, "processed"), "*big.csv"));
        Assert.Equal(rows, r.ExecuteScalar<int>("SELECT rows_loaded FROM etl_batch WHERE source LIKE '%big.csv' AND status = 'succeeded'"));
        output.WriteLine($"killed node's ingest finished by the other node {took.TotalSeconds:0} s after the kill");
    }

    private static bool Up(HttpClient http)
    {
        try { return http.GetAsync("/api/jobs").GetAwaiter().GetResult().IsSuccessStatusCode; }
        catch (HttpRequestException) { return false; }
    }

    private static bool Running(TempWarehouse wh, string file)
    {
        using var c = wh.Dialect.OpenReadOnly();
        return c.ExecuteScalar<int>("SELECT count(*) FROM etl_batch WHERE status = 'running' AND source LIKE @file", new { file = "%" + file }) > 0;
    }

    private static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }
}
