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
        Assert.True(await TestServer.Eventually(() => s.JobBatches().Any(b => b is { Job: "job:ingest", Trigger: "schedule", Status: "succeeded" })));
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
        Assert.Equal("succeeded", api![0].GetProperty("lastStatus").GetString());
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

    [Theory]
    [MemberData(nameof(TempWarehouse.Engines), MemberType = typeof(TempWarehouse))]
    public async Task Dashboard_in_chromium_triggers_ingestion_and_shows_the_new_batch(string engine)
    {
        await using var s = new TestServer(engine: engine);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        await page.GotoAsync(s.Url);
        await page.Locator("#jobs button[data-job=ingest]").ClickAsync();
        await page.Locator("#msg").Filter(new() { HasText = "已触发" }).WaitForAsync();
        await page.Locator("#batches tbody tr", new() { HasText = "job:ingest" }).Filter(new() { HasText = "succeeded" })
            .WaitForAsync(new() { Timeout = 120_000 });
        var shot = Path.Combine(AppContext.BaseDirectory, "dashboard.png");
        await page.ScreenshotAsync(new() { Path = shot, FullPage = false });
        Assert.True(new FileInfo(shot).Length > 10_000);
        Assert.Contains("导入 ingest", await page.Locator("#jobs").InnerTextAsync());
    }
}
