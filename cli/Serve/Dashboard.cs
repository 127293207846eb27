using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;
using Warehouse.Store;

namespace Warehouse.Cli.Serve;

/// <summary>The statisticians' server: the Quartz scheduler, a JSON API and a dashboard page (Chinese first, no CDN).</summary>
public static class Dashboard
{
    /// <summary>Header that carries the access token on mutating requests.</summary>
    public const string TokenHeader = "X-Warehouse-Token";

    /// <summary>Builds the web application; throws with a clear message for bad settings (cron, time zone, public address without token).</summary>
    public static WebApplication Build(Workspace ws, string urls, IDictionary<string, string?>? overrides = null, Action<PipelineService>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        if (overrides != null) builder.Configuration.AddInMemoryCollection(overrides);
        builder.WebHost.UseUrls(urls);
        var options = ServeOptions.From(builder.Configuration, ws.Root);
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            var host = new Uri(url.Replace("*", "0.0.0.0").Replace("+", "0.0.0.0")).Host;
            var loopback = host == "localhost" || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));
            if (!loopback && options.AccessToken == null)
                throw new InvalidOperationException($"监听非本机地址 {url} 需要先配置访问令牌 / listening on {url} requires Warehouse:AccessToken (or env Warehouse__AccessToken)");
        }
        StoreCommands.Init(ws, quiet: true); // the API reads the database from the first request on
        var service = new PipelineService(ws, options);
        configure?.Invoke(service);
        builder.Services.AddSingleton(service);
        builder.Services.AddSingleton<SchedulerHost>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<SchedulerHost>());
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromMinutes(5));
        var app = builder.Build();

        app.Use(async (ctx, next) =>
        {
            if (HttpMethods.IsGet(ctx.Request.Method) || HttpMethods.IsHead(ctx.Request.Method)) { await next(); return; }
            // A page elsewhere must not drive this server: mutating requests from another origin are refused.
            var origin = ctx.Request.Headers.Origin.ToString();
            if ((origin.Length > 0 && !SameOrigin(origin, ctx.Request)) || ctx.Request.Headers["Sec-Fetch-Site"] == "cross-site")
            {
                ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
                await ctx.Response.WriteAsJsonAsync(new { error = "跨站请求被拒绝 / cross-origin request refused" });
                return;
            }
            if (options.AccessToken != null && ctx.Request.Headers[TokenHeader] != options.AccessToken)
            {
                ctx.Response.StatusCode = StatusCodes.Status401Unauthorized;
                await ctx.Response.WriteAsJsonAsync(new { error = $"需要访问令牌 / missing or wrong {TokenHeader}" });
                return;
            }
            await next();
        });

        app.MapGet("/", () => Results.Content(DashboardPage.Html, "text/html; charset=utf-8"));
        app.MapGet("/api/jobs", async (SchedulerHost host) =>
        {
            using var c = ws.Dialect.OpenReadOnly();
            var read = new ReadModels(ws.Dialect, c);
            var list = new List<object>();
            foreach (var name in ServeOptions.Jobs)
            {
                var trigger = await host.Scheduler.GetTrigger(new TriggerKey("cron-" + name), CancellationToken.None);
                var next = trigger?.NextFireTimeUtc;
                var last = read.LastBatch("job:" + name);
                list.Add(new
                {
                    name,
                    schedule = options.Schedules.GetValueOrDefault(name, ""),
                    scheduleText = ScheduleText.Describe(options.Schedules.GetValueOrDefault(name, "")),
                    timeZone = options.TimeZone.Id,
                    nextRun = next == null ? null : TimeZoneInfo.ConvertTime(next.Value, options.TimeZone).ToString("yyyy-MM-ddTHH:mm:sszzz"),
                    lastRun = last == null ? null : ReadModels.Beijing(last.StartedAt).ToString("yyyy-MM-ddTHH:mm:ss.fffzzz"),
                    lastStatus = last?.Status,
                    lastError = last?.Error,
                });
            }
            return Results.Json(list);
        });
        app.MapPost("/api/jobs/{name}/trigger", async (string name, SchedulerHost host) =>
        {
            if (!ServeOptions.Jobs.Contains(name)) return Results.NotFound(new { error = $"未知作业 / unknown job '{name}'" });
            await host.Scheduler.TriggerJob(new JobKey(name), new JobDataMap { ["trigger"] = "manual" }, CancellationToken.None);
            return Results.Accepted($"/api/jobs", new { triggered = name });
        });
        // Pages go by id (before = the last batch_id of the page shown), not by offset, so a batch started meanwhile
        // neither repeats a row on the next page nor hides one.
        app.MapGet("/api/batches", (int? limit, long? before, string? job) =>
        {
            using var c = ws.Dialect.OpenReadOnly();
            // The API's field names are the columns' original names (trigger, file), whatever the schema calls them now.
            return Results.Json(new ReadModels(ws.Dialect, c).Batches(Math.Clamp(limit ?? 50, 1, 1000), before, job).Select(b => new
            {
                batch_id = b.BatchId, job = b.Job, trigger = b.Trigger, source = b.Source, started_at = b.StartedAt,
                finished_at = b.FinishedAt, status = b.Status, rows_read = b.RowsRead, rows_loaded = b.RowsLoaded, rows_rejected = b.RowsRejected,
                rows_changed = b.RowsChanged, error = b.Error, detail = b.Detail,
                duration_seconds = b.FinishedAt is { } end ? Math.Round((end - b.StartedAt).TotalSeconds, 3) : (double?)null,
            }));
        });
        app.MapGet("/api/rejects", (int? limit, long? before) =>
        {
            using var c = ws.Dialect.OpenReadOnly();
            return Results.Json(new ReadModels(ws.Dialect, c).Rejects(Math.Clamp(limit ?? 100, 1, 5000), before).Select(r => new
            {
                reject_id = r.RejectId, batch_id = r.BatchId, file = r.FileName, location = r.Location, reason = r.Reason,
                raw_text = r.RawText,
            }));
        });
        app.MapGet("/api/briefings", () =>
        {
            if (!Directory.Exists(options.BriefingsDir)) return Results.Json(Array.Empty<object>());
            return Results.Json(Directory.GetDirectories(options.BriefingsDir, "briefing-*").OrderByDescending(Directory.GetCreationTimeUtc).ThenByDescending(d => d, StringComparer.Ordinal).Select(d => new
            {
                name = Path.GetFileName(d),
                files = Directory.GetFiles(d).Where(f => f.EndsWith(".png") || f.EndsWith(".xlsx")).Order().Select(f => new
                    { name = Path.GetFileName(f), url = $"/api/briefings/{Path.GetFileName(d)}/{Uri.EscapeDataString(Path.GetFileName(f))}" }),
            }));
        });
        app.MapGet("/api/briefings/{folder}/{file}", (string folder, string file) =>
        {
            if (!folder.StartsWith("briefing-") || folder.Contains("..") || file.Contains("..") || file.Contains('/') || folder.Contains('/')) return Results.BadRequest();
            var path = Path.Combine(options.BriefingsDir, folder, file);
            if (!File.Exists(path)) return Results.NotFound();
            var type = file.EndsWith(".png") ? "image/png" : file.EndsWith(".svg") ? "image/svg+xml" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            return Results.File(path, type, file.EndsWith(".png") ? null : file);
        });
        app.MapPost("/api/inbox", async (HttpRequest request) =>
        {
            if (!request.HasFormContentType) return Results.BadRequest(new { error = "需要 multipart/form-data 上传 / multipart upload expected" });
            var form = await request.ReadFormAsync();
            var saved = new List<string>();
            Directory.CreateDirectory(options.Inbox);
            foreach (var f in form.Files)
            {
                var name = Path.GetFileName(f.FileName);
                if (!Warehouse.Etl.Loading.Ingestor.IsLoadable(name)) return Results.BadRequest(new { error = $"不支持的文件类型 / not a statistics or plan file: {name}" });
                // Written under a temporary name, then renamed, so the ingest job never reads half a file.
                var tmp = Path.Combine(options.Inbox, "." + name + ".part");
                await using (var s = File.Create(tmp)) await f.CopyToAsync(s);
                var final = Path.Combine(options.Inbox, name);
                File.Move(tmp, final, overwrite: true);
                File.SetLastWriteTimeUtc(final, DateTime.UtcNow.AddSeconds(-5));
                saved.Add(name);
            }
            return Results.Json(new { saved });
        });
        return app;
    }

    /// <summary>The address the server actually listens on (for tests that bind port 0).</summary>
    public static string Address(WebApplication app) => app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    private static bool SameOrigin(string origin, HttpRequest request) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var o) && string.Equals(o.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase);
}
