using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;
using Warehouse.Cli;
using Warehouse.Cli.Serve;
using Warehouse.Store.Engine;

namespace Warehouse.Tests;

/// <summary>A running server on a free loopback port, on its own database, inbox and briefing folder.</summary>
public sealed class TestServer : IAsyncDisposable
{
    public TempWarehouse Warehouse { get; }
    public WebApplication App { get; }
    public HttpClient Http { get; }
    public string Url { get; }

    private readonly bool _ownsWarehouse;

    /// <summary>A server on its own new warehouse, or a second node on <paramref name="shared"/> (same database and folders).</summary>
    public TestServer(Dictionary<string, string?>? settings = null, string urls = "http://127.0.0.1:0", string? root = null, string engine = "sqlite",
        TempWarehouse? shared = null, Action<PipelineService>? configure = null, SqlDialect? dialect = null)
    {
        _ownsWarehouse = shared == null;
        Warehouse = shared ?? new TempWarehouse(engine: engine);
        var all = new Dictionary<string, string?>
        {
            ["Warehouse:Inbox"] = Warehouse.PathOf("inbox"),
            ["Warehouse:BriefingsDir"] = Warehouse.PathOf("out"),
            ["Warehouse:Schedules:ingest"] = "",
            ["Warehouse:Schedules:briefing"] = "",
            ["Warehouse:Scheduler:PollSeconds"] = "1",
            ["Warehouse:Scheduler:RetrySeconds"] = "1",
        };
        foreach (var (k, v) in settings ?? []) all[k] = v;
        App = Dashboard.Build(new Workspace(root ?? TempWarehouse.RepoRoot, dialect ?? Warehouse.Dialect), urls, all, configure);
        Dashboard.StartAsync(App).GetAwaiter().GetResult();
        Url = Dashboard.Address(App);
        Http = new HttpClient { BaseAddress = new Uri(Url), Timeout = TimeSpan.FromMinutes(2) };
    }

    /// <summary>Job-level batches, oldest first.</summary>
    public List<(long Id, string Job, string Trigger, string Status, DateTimeOffset Started, DateTimeOffset? Finished, string? Detail)> JobBatches()
    {
        using var c = Warehouse.Dialect.OpenReadOnly();
        return c.Query("SELECT batch_id, job, triggered_by AS \"trigger\", status, started_at, finished_at, detail FROM etl_batch WHERE job LIKE 'job:%' ORDER BY batch_id")
            .Select(r => ((long)r.batch_id, (string)r.job, (string)r.trigger, (string)r.status, (DateTimeOffset)Time(r.started_at)!, (DateTimeOffset?)Time(r.finished_at), (string?)r.detail))
            .ToList();
    }

    /// <summary>A timestamp as stored: ISO 8601 text with its offset on SQLite, timestamptz (a UTC DateTime) on PostgreSQL.</summary>
    private static DateTimeOffset? Time(object? value) => value switch
    {
        null => null,
        string text => DateTimeOffset.Parse(text, System.Globalization.CultureInfo.InvariantCulture),
        DateTime utc => new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)),
        DateTimeOffset t => t,
        _ => throw new InvalidCastException($"not a timestamp: {value.GetType()}"),
    };

    /// <summary>Waits until the condition holds or the time runs out.</summary>
    public static async Task<bool> Eventually(Func<bool> condition, int seconds = 90)
    {
        for (var i = 0; i < seconds * 4; i++)
        {
            if (condition()) return true;
            await Task.Delay(250);
        }
        return condition();
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        Http.Dispose();
        if (_ownsWarehouse) Warehouse.Dispose();
    }
}

[CollectionDefinition("server", DisableParallelization = true)]
public class ServerCollection;

[Collection("server")]
public class ServeTests
{
    [Theory]
    [MemberData(nameof(TempWarehouse.Engines), MemberType = typeof(TempWarehouse))]
    public async Task A_cron_schedule_fires_the_job(string engine)
    {
        await using var s = new TestServer(new() { ["Warehouse:Schedules:ingest"] = "0/2 * * * * ?" }, engine: engine);
        Assert.True(await TestServer.Eventually(() => s.JobBatches().Any(b => b is { Job: "job:ingest", Trigger: "schedule", Status: "succeeded" or "partial" })));
    }

    [Theory]
    [MemberData(nameof(TempWarehouse.Engines), MemberType = typeof(TempWarehouse))]
    public async Task A_manual_ingest_chains_forecast_then_briefing_and_the_api_shows_it(string engine)
    {
        await using var s = new TestServer(engine: engine);
        var r = await s.Http.PostAsync("/api/jobs/ingest/trigger", null);
        Assert.Equal(HttpStatusCode.Accepted, r.StatusCode);
        Assert.True(await TestServer.Eventually(() => s.JobBatches().Any(b => b is { Job: "job:briefing", Status: "succeeded" }), 180));
        var jobs = s.JobBatches();
        var (ingest, forecast, briefing) = (jobs.First(b => b.Job == "job:ingest"), jobs.First(b => b.Job == "job:forecast"), jobs.First(b => b.Job == "job:briefing"));
        Assert.True(ingest.Id < forecast.Id && forecast.Id < briefing.Id);
        Assert.Equal(("manual", "chain:ingest", "chain:forecast"), (ingest.Trigger, forecast.Trigger, briefing.Trigger));
        Assert.True(ingest.Finished <= forecast.Started, "forecast starts after ingest finished");

        var api = await s.Http.GetFromJsonAsync<JsonElement[]>("/api/jobs");
        Assert.Equal(["ingest", "forecast", "briefing"], api!.Select(j => j.GetProperty("name").GetString()));
        Assert.Equal("partial", api![0].GetProperty("lastStatus").GetString()); // the shipped seeds carry known quarantined rows
        Assert.True(api![0].GetProperty("lastDurationSeconds").GetDouble() >= 0); // the page shows it without asking /api/batches
        var batches = await s.Http.GetFromJsonAsync<JsonElement[]>("/api/batches?limit=200");
        Assert.Contains(batches!, b => b.GetProperty("job").GetString() == "ingest-plan");
        var rejects = await s.Http.GetFromJsonAsync<JsonElement[]>("/api/rejects");
        Assert.Contains(rejects!, x => x.GetProperty("reason").GetString()!.StartsWith("unknown indicator"));
        var briefings = await s.Http.GetFromJsonAsync<JsonElement[]>("/api/briefings");
        var png = briefings![0].GetProperty("files").EnumerateArray().First(f => f.GetProperty("name").GetString()!.EndsWith(".png")).GetProperty("url").GetString();
        var download = await s.Http.GetAsync(png);
        Assert.Equal("image/png", download.Content.Headers.ContentType!.MediaType);
    }

    [Theory]
    [MemberData(nameof(TempWarehouse.Engines), MemberType = typeof(TempWarehouse))]
    public async Task Batches_and_rejects_page_by_id_with_durations_and_a_job_filter(string engine)
    {
        await using var s = new TestServer(engine: engine);
        var log = new Warehouse.Store.BatchLog(s.Warehouse.Dialect);
        var ids = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            var id = log.Start(i % 2 == 0 ? "job:test" : "ingest-test", $"f{i}.csv", "manual");
            if (i < 4) log.Finish(id, "partial", new(3, 2, 1));
            ids.Add(id);
        }
        using (var c = s.Warehouse.Dialect.OpenReadWrite())
        using (var tx = c.BeginTransaction())
        {
            Warehouse.Store.BatchLog.WriteRejects(s.Warehouse.Dialect, c, tx, ids[1],
                Enumerable.Range(0, 5).Select(i => new Warehouse.Store.Reject("f1.csv", $"line {i}", "unknown indicator", $"<b>{i}</b>")));
            tx.Commit();
        }

        async Task<JsonElement[]> Get(string url) => (await s.Http.GetFromJsonAsync<JsonElement[]>(url))!;
        var first = await Get("/api/batches?limit=2");
        Assert.Equal([ids[4], ids[3]], first.Select(b => b.GetProperty("batch_id").GetInt64()));
        Assert.Equal(JsonValueKind.Null, first[0].GetProperty("duration_seconds").ValueKind); // still running
        Assert.True(first[1].GetProperty("duration_seconds").GetDouble() >= 0);
        Assert.Equal("partial", first[1].GetProperty("status").GetString());
        string[] fields = ["job", "trigger", "source", "started_at", "finished_at", "rows_read", "rows_loaded", "rows_rejected", "rows_changed",
            "error", "detail"];
        foreach (var field in fields)
            Assert.True(first[1].TryGetProperty(field, out _), field);
        // A batch started between two pages neither repeats a row nor hides one.
        log.Start("job:test", null, "manual");
        var second = await Get($"/api/batches?limit=2&before={ids[3]}");
        Assert.Equal([ids[2], ids[1]], second.Select(b => b.GetProperty("batch_id").GetInt64()));
        Assert.Equal(ids.Count + 1, (await Get("/api/batches")).Length); // limit defaults to 50, no cursor means the newest
        var jobs = await Get($"/api/batches?job=job:test&before={ids[4]}");
        Assert.Equal([ids[2], ids[0]], jobs.Select(b => b.GetProperty("batch_id").GetInt64()));

        var rejects = await Get("/api/rejects?limit=3");
        Assert.Equal(3, rejects.Length);
        var older = await Get($"/api/rejects?limit=3&before={rejects[^1].GetProperty("reject_id").GetInt64()}");
        Assert.Equal(2, older.Length);
        var all = rejects.Concat(older).Select(r => r.GetProperty("reject_id").GetInt64()).ToList();
        Assert.Equal(all.OrderDescending(), all);
        Assert.Equal(5, all.Distinct().Count());
        Assert.Equal("<b>0</b>", older[^1].GetProperty("raw_text").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await s.Http.GetAsync("/api/batches?before=abc")).StatusCode);

        var api = await Get("/api/jobs");
        Assert.Equal(ScheduleText.OnDemand, api[0].GetProperty("scheduleText").GetString()); // the test server's ingest has no schedule
    }

    [Theory]
    [MemberData(nameof(TempWarehouse.Engines), MemberType = typeof(TempWarehouse))]
    public async Task Triggering_twice_does_not_overlap_runs_of_the_same_job(string engine)
    {
        await using var s = new TestServer(engine: engine);
        await s.Http.PostAsync("/api/jobs/forecast/trigger", null);
        await s.Http.PostAsync("/api/jobs/forecast/trigger", null);
        Assert.True(await TestServer.Eventually(() => s.JobBatches().Count(b => b.Job == "job:forecast" && b.Status != "running") >= 2, 120));
        var runs = s.JobBatches().Where(b => b.Job == "job:forecast").ToList();
        Assert.True(runs[0].Finished <= runs[1].Started, $"second run started {runs[1].Started}, first finished {runs[0].Finished}");
    }

    [Theory]
    [MemberData(nameof(TempWarehouse.Engines), MemberType = typeof(TempWarehouse))]
    public void A_bad_cron_expression_is_refused_at_start_with_a_clear_error(string engine)
    {
        using var wh = new TempWarehouse(engine: engine);
        var ex = Assert.Throws<InvalidOperationException>(() => Dashboard.Build(new Workspace(TempWarehouse.RepoRoot, wh.Dialect), "http://127.0.0.1:0",
            new Dictionary<string, string?> { ["Warehouse:Schedules:ingest"] = "every morning" }));
        Assert.Contains("invalid cron expression for job 'ingest'", ex.Message);
    }

    [Theory]
    [MemberData(nameof(TempWarehouse.Engines), MemberType = typeof(TempWarehouse))]
    public async Task A_public_address_needs_a_token_and_mutations_need_it_and_the_same_origin(string engine)
    {
        using (var wh = new TempWarehouse(engine: engine))
        {
            await using var app = Dashboard.Build(new Workspace(TempWarehouse.RepoRoot, wh.Dialect), "http://0.0.0.0:0");
            var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => Dashboard.StartAsync(app));
            Assert.Contains("AccessToken", ex.Message);
        }
        await using var s = new TestServer(new() { ["Warehouse:AccessToken"] = "s3cret" }, engine: engine);
        Assert.Equal(HttpStatusCode.Unauthorized, (await s.Http.PostAsync("/api/jobs/briefing/trigger", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await s.Http.GetAsync("/api/jobs")).StatusCode); // reading needs it too
        var cross = new HttpRequestMessage(HttpMethod.Post, "/api/jobs/briefing/trigger");
        cross.Headers.Add(Dashboard.TokenHeader, "s3cret");
        cross.Headers.Add("Origin", "http://evil.example");
        Assert.Equal(HttpStatusCode.Forbidden, (await s.Http.SendAsync(cross)).StatusCode);
        var ok = new HttpRequestMessage(HttpMethod.Post, "/api/jobs/briefing/trigger");
        ok.Headers.Add(Dashboard.TokenHeader, "s3cret");
        Assert.Equal(HttpStatusCode.Accepted, (await s.Http.SendAsync(ok)).StatusCode);
    }

    /// <summary>Where the dashboard test saves its screenshots: docs/images when WAREHOUSE_SCREENSHOTS=1 (to refresh the README's),
    /// else a temporary folder.</summary>
    private static string ScreenshotDir(string engine)
    {
        var dir = Environment.GetEnvironmentVariable("WAREHOUSE_SCREENSHOTS") == "1" && engine == "sqlite"
            ? Path.Combine(TempWarehouse.RepoRoot, "docs", "images")
            : Path.Combine(Path.GetTempPath(), "warehouse-screenshots", engine);
        Directory.CreateDirectory(dir);
        return dir;
    }

    [Theory]
    [MemberData(nameof(TempWarehouse.Engines), MemberType = typeof(TempWarehouse))]
    public async Task Dashboard_in_chromium_runs_the_chain_and_fits_a_phone(string engine)
    {
        await using var s = new TestServer(new()
        {
            ["Warehouse:Schedules:ingest"] = "0 0/15 * * * ?",
            ["Warehouse:Schedules:briefing"] = "0 0 8 1 * ?",
        }, engine: engine);
        var shots = ScreenshotDir(engine);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });

        // Desktop: run the chain from the page and watch it finish.
        var desktop = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 }, Locale = "zh-CN", TimezoneId = "Asia/Shanghai" });
        await desktop.GotoAsync(s.Url);
        await desktop.Locator("#jobs button[data-job=ingest]").ClickAsync();
        await desktop.Locator("#msg").Filter(new() { HasText = "已触发" }).WaitForAsync();
        var ingestRow = desktop.Locator("#jobs tbody tr").Filter(new() { Has = desktop.Locator("button[data-job=ingest]") });
        await ingestRow.Locator(".st.partial").Filter(new() { HasText = "部分成功" }).WaitForAsync(new() { Timeout = 120_000 });
        var briefingRow = desktop.Locator("#jobs tbody tr").Filter(new() { Has = desktop.Locator("button[data-job=briefing]") });
        await briefingRow.Locator(".st.succeeded").WaitForAsync(new() { Timeout = 180_000 });
        await desktop.Locator("#briefings a").First.WaitForAsync();
        await desktop.Locator("#batches tbody tr").Filter(new() { HasText = "job:briefing" }).Filter(new() { HasText = "成功" })
            .WaitForAsync();

        var jobsText = await desktop.Locator("#jobs").InnerTextAsync();
        Assert.Contains("北京时间 UTC+8", jobsText);
        Assert.Contains("每15分钟", jobsText);
        Assert.Contains("每月1日 08:00", jobsText);
        Assert.Contains("按需运行（未排定）", jobsText);
        Assert.Matches(@"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}", await ingestRow.InnerTextAsync());
        Assert.Matches(@"用时 (不到1秒|\d+秒|\d+分\d{2}秒)", await ingestRow.InnerTextAsync());
        var hangfireLink = desktop.Locator("header a", new() { HasText = "作业详情（Hangfire）" });
        Assert.Equal("/hangfire", await hangfireLink.GetAttributeAsync("href"));
        Assert.DoesNotContain("+08:00", await desktop.Locator("main").InnerTextAsync()); // times are formatted, not raw ISO
        await desktop.ScreenshotAsync(new() { Path = Path.Combine(shots, "dashboard.png") }); // the first screen, as the README shows it
        await desktop.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), $"dashboard-full-{engine}.png"), FullPage = true });

        // Every state in Chinese with its code, and a reject's hostile raw text shown as text.
        var log = new Warehouse.Store.BatchLog(s.Warehouse.Dialect);
        foreach (var status in new[] { "partial", "interrupted", "failed" })
            log.Finish(log.Start("ingest-test", "hostile.csv", "manual"), status, new(1, 0, 1));
        using (var c = s.Warehouse.Dialect.OpenReadWrite())
        using (var tx = c.BeginTransaction())
        {
            Warehouse.Store.BatchLog.WriteRejects(s.Warehouse.Dialect, c, tx, 1,
                [new("hostile.csv", "line 1", "unknown indicator: <b>x</b>", "<img src=x onerror=\"document.title='pwned'\">")]);
            tx.Commit();
        }

        // Phone: no sideways scrolling, every run-now button and state on screen.
        var phone = await browser.NewPageAsync(new()
        {
            ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true, DeviceScaleFactor = 2, Locale = "zh-CN", TimezoneId = "Asia/Shanghai",
        });
        await phone.GotoAsync(s.Url);
        await phone.Locator("#jobs .st.succeeded").First.WaitForAsync();
        await phone.Locator("#batches tbody tr td").First.WaitForAsync();
        var batchText = await phone.Locator("#batches").InnerTextAsync();
        foreach (var label in new[] { "部分成功", "中断", "失败", "成功" }) Assert.Contains(label, batchText);
        Assert.Contains("<img src=x", await phone.Locator("#rejects").InnerTextAsync());
        Assert.Equal(0, await phone.Locator("#rejects img, #rejects b").CountAsync());
        Assert.NotEqual("pwned", await phone.TitleAsync());
        // The whole page at phone width, to look at by hand (docs gets only the first screen).
        await phone.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), $"dashboard-phone-full-{engine}.png"), FullPage = true });
        var wide = await phone.EvaluateAsync<string>("""
            [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > 390)
              .slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join('; ')
            """);
        Assert.True(await phone.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 390, "the page scrolls sideways at 390 px: "
            + wide);
        // Nor inside a card: every column of every table is on screen, not behind a scroll bar.
        const string fits = "[...document.querySelectorAll('section *')].every(e => e.scrollWidth <= e.clientWidth + 1)";
        Assert.True(await phone.EvaluateAsync<bool>(fits),
            "a table scrolls sideways inside its card at 390 px");
        foreach (var job in ServeOptions.Jobs)
        {
            var box = await phone.Locator($"#jobs button[data-job={job}]").BoundingBoxAsync();
            Assert.True(box is { X: >= 0, Y: >= 0 } && box.X + box.Width <= 390 && box.Y + box.Height <= 844,
                $"run-now of {job} at {box?.X},{box?.Y}");
            var row = phone.Locator("#jobs tbody tr").Filter(new() { Has = phone.Locator($"button[data-job={job}]") });
            var state = await row.Locator(".st").BoundingBoxAsync();
            Assert.True(state is { X: >= 0 } && state.X + state.Width <= 390, $"state of {job} at {state?.X}");
        }
        // Paging: the next page starts below the last batch of the first.
        var pager = phone.Locator("#batches-pager");
        if (await pager.Locator("[data-dir=next]").IsEnabledAsync())
        {
            var firstPage = await pager.Locator("span").InnerTextAsync();
            await pager.Locator("[data-dir=next]").ClickAsync();
            await pager.Locator("span").Filter(new() { HasText = "第 2 页" }).WaitForAsync();
            await pager.Locator("[data-dir=prev]").ClickAsync();
            await pager.Locator("span").Filter(new() { HasText = "第 1 页" }).WaitForAsync();
            Assert.StartsWith("第 1 页", firstPage);
        }
        await phone.EvaluateAsync("window.scrollTo(0, 0)"); // the pager clicks scrolled down; the jobs are the first screen
        await phone.ScreenshotAsync(new() { Path = Path.Combine(shots, "dashboard-phone.png") });
        Assert.True(new FileInfo(Path.Combine(shots, "dashboard-phone.png")).Length > 10_000);

        // Hangfire's own dashboard, in Chinese, with our title and the chain's jobs among the succeeded ones.
        var hangfire = await desktop.GotoAsync(s.Url.TrimEnd('/') + "/hangfire/jobs/succeeded");
        Assert.True(hangfire is { Ok: true }, $"/hangfire answered {hangfire?.Status}");
        Assert.Contains("知识产权数据仓库", await desktop.TitleAsync());
        var succeeded = await desktop.Locator("body").InnerTextAsync();
        Assert.Contains("完成", succeeded); // Hangfire's zh resources (完成 = Succeeded), not its English
        Assert.Contains("导入 ingest（manual）", succeeded);
        Assert.Contains("简报 briefing（chain:forecast）", succeeded);
        await desktop.GotoAsync(s.Url.TrimEnd('/') + "/hangfire");
        Assert.Equal("/", await desktop.Locator("a", new() { HasText = "返回应用" }).First.GetAttributeAsync("href"));
        await desktop.ScreenshotAsync(new() { Path = Path.Combine(shots, "hangfire.png") });
        await phone.GotoAsync(s.Url.TrimEnd('/') + "/hangfire/jobs/succeeded");
        await phone.ScreenshotAsync(new() { Path = Path.Combine(shots, "hangfire-phone.png") });
    }
}
