using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using System.Globalization;
using Hangfire;
using Hangfire.Dashboard;
using Hangfire.Storage;
using Warehouse.Store;

namespace Warehouse.Cli.Serve;

/// <summary>The statisticians' server: Hangfire (jobs, schedules, its dashboard at /hangfire), a JSON API and our dashboard page
/// at / (Chinese first, no CDN).</summary>
public static class Dashboard
{
    /// <summary>Header that carries the access token.</summary>
    public const string TokenHeader = AccessGuard.TokenHeader;

    /// <summary>Builds the web application; throws with a clear message for bad settings (cron, time zone).</summary>
    public static WebApplication Build(Workspace ws, string urls, IDictionary<string, string?>? overrides = null,
        Action<PipelineService>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        Delivery.DeliveryOptions.AddSecretSources(builder.Configuration); // user secrets, then the environment again (it wins)
        if (overrides != null) builder.Configuration.AddInMemoryCollection(overrides);
        builder.WebHost.UseUrls(urls);
        var options = ServeOptions.From(builder.Configuration, ws.Root);
        // In-memory Hangfire storage is per process: two servers on one SQLite file would each fire every schedule.
        var single = HangfireStorage.Durable(ws.Dialect) ? null : ws.Dialect.TryLockJob("serve")
            ?? throw new InvalidOperationException($"另一个 serve 进程已在使用这个数据库 / another `serve` already runs on {ws.Dialect.Location}; "
                + "on SQLite run one serve (several nodes need PostgreSQL or SQL Server)");
        StoreCommands.Init(ws, quiet: true); // the API reads the database from the first request on
        var service = new PipelineService(ws, options, DeliverCommand.Settings(ws, builder.Configuration));
        configure?.Invoke(service);
        TransientRetryAttribute.FirstDelay = options.RetryDelay;
        builder.Services.AddSingleton(service);
        // Storage and clients belong to this app, not to Hangfire's static JobStorage.Current: each server (and each test) has
        // its own. The storage is made after Hangfire's configuration, so it logs through this app's logging.
        builder.Services.AddSingleton(sp =>
        {
            sp.GetRequiredService<IGlobalConfiguration>();
            return HangfireStorage.For(ws.Dialect);
        });
        builder.Services.AddSingleton<IBackgroundJobClient>(sp => new BackgroundJobClient(sp.GetRequiredService<JobStorage>()));
        builder.Services.AddSingleton<IRecurringJobManager>(sp => new RecurringJobManager(sp.GetRequiredService<JobStorage>()));
        builder.Services.AddHangfire((sp, c) => c.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer().UseRecommendedSerializerSettings()
            .UseLogProvider(new HangfireLog(sp.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>())));
        builder.Services.AddHangfireServer((_, o) =>
        {
            o.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..6]}";
            o.WorkerCount = 4;
            o.SchedulePollingInterval = options.PollInterval;
            o.ShutdownTimeout = TimeSpan.FromMinutes(5);
            o.StopTimeout = TimeSpan.FromMinutes(5);
        });
        builder.Services.AddTransient<WarehouseJobs>();
        builder.Services.AddHostedService<ScheduleRegistration>();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromMinutes(5));
        AccessGuard.Register(builder, options.AccessToken); // public addresses are checked after start: see StartAsync
        var app = builder.Build();
        var storage = app.Services.GetRequiredService<JobStorage>();
        if (single != null) app.Lifetime.ApplicationStopped.Register(single.Dispose);

        AccessGuard.Use(app); // first in the pipeline: Host, origin and token checks for everything mapped after it

        // Hangfire's dashboard in Chinese (its own zh resources), behind the guard above: its authorization filter lets every
        // request through because the guard has already checked host, origin and token.
        var chinese = CultureInfo.GetCultureInfo("zh-CN");
        app.Use(async (ctx, next) =>
        {
            if (ctx.Request.Path.StartsWithSegments("/hangfire"))
                (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (chinese, chinese);
            await next();
        });
        app.UseHangfireDashboard("/hangfire", new DashboardOptions
        {
            DashboardTitle = "知识产权数据仓库 · 作业", // short: Hangfire's navigation bar must hold it on one line at 390 px
            AppPath = "/",
            DisplayStorageConnectionString = false,
            Authorization = [new GuardedByServer()],
            TimeZoneResolver = new DefaultTimeZoneResolver(),
        }, storage);

        app.MapGet("/", () => Results.Content(DashboardPage.Html, "text/html; charset=utf-8"));
        app.MapGet("/api/jobs", () =>
        {
            using var c = ws.Dialect.OpenReadOnly();
            var read = new ReadModels(ws.Dialect, c);
            using var hangfire = storage.GetConnection();
            var recurring = hangfire.GetRecurringJobs().ToDictionary(r => r.Id);
            var list = new List<object>();
            foreach (var name in ServeOptions.Jobs)
            {
                var next = recurring.GetValueOrDefault(name)?.NextExecution;
                var last = read.LastBatch("job:" + name);
                list.Add(new
                {
                    name,
                    schedule = options.Schedules.GetValueOrDefault(name, ""),
                    scheduleText = ScheduleText.Describe(options.Schedules.GetValueOrDefault(name, "")),
                    timeZone = options.TimeZone.Id,
                    nextRun = next == null ? null : ReadModels.Beijing(new DateTimeOffset(DateTime.SpecifyKind(next.Value, DateTimeKind.Utc)))
                        .ToString("yyyy-MM-ddTHH:mm:sszzz"),
                    lastRun = last == null ? null : ReadModels.Beijing(last.StartedAt).ToString("yyyy-MM-ddTHH:mm:ss.fffzzz"),
                    lastStatus = last?.Status,
                    lastDurationSeconds = last?.DurationSeconds,
                    lastError = last?.Error,
                });
            }
            return Results.Json(list);
        });
        app.MapPost("/api/jobs/{name}/trigger", (string name, IBackgroundJobClient client) =>
        {
            if (!ServeOptions.Jobs.Contains(name)) return Results.NotFound(new { error = $"未知作业 / unknown job '{name}'" });
            var id = WarehouseJobs.Enqueue(client, name, "manual");
            return Results.Accepted($"/hangfire/jobs/details/{id}", new { triggered = name, jobId = id });
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
                duration_seconds = b.DurationSeconds,
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
            return Results.Json(BriefingFolders.NewestFirst(options.BriefingsDir).Select(d => new
            {
                name = Path.GetFileName(d),
                deliverable = service.Delivery.Any && BriefingFolders.HasManifest(d),
                files = Directory.GetFiles(d).Where(f => f.EndsWith(".png") || f.EndsWith(".xlsx")).Order().Select(f => new
                    { name = Path.GetFileName(f), url = $"/api/briefings/{Path.GetFileName(d)}/{Uri.EscapeDataString(Path.GetFileName(f))}" }),
            }));
        });
        app.MapGet("/api/briefings/{folder}/{file}", (string folder, string file) =>
        {
            if (!BriefingFolders.IsName(folder) || !BriefingFolders.IsFileName(file)) return Results.BadRequest();
            var path = Path.Combine(options.BriefingsDir, folder, file);
            if (!File.Exists(path)) return Results.NotFound();
            var type = file.EndsWith(".png") ? "image/png" : file.EndsWith(".svg") ? "image/svg+xml" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            return Results.File(path, type, file.EndsWith(".png") ? null : file);
        });
        app.MapGet("/api/deliveries", (int? limit, long? before) => Results.Json(new DeliveryLog(ws.Dialect)
            .Latest(Math.Clamp(limit ?? 50, 1, 1000), before).Select(d => new
            {
                delivery_id = d.DeliveryId, briefing = d.Briefing, channel = d.Channel, recipient = d.Recipient, state = d.State,
                transient = d.Transient, attempts = d.Attempts, parts = d.Parts, parts_sent = d.PartsSent, bytes = d.Bytes,
                claimed_at = d.ClaimedAt, finished_at = d.FinishedAt, error = d.Error, detail = d.Detail,
                // The 重发 button: a delivery that may be asked again, to a recipient the settings still name.
                resendable = d.State is "failed" or "uncertain" or "queued" && service.Delivery.Names(d.Channel, d.Recipient),
            })));
        // A person's re-send: the delivery goes back in the queue and a delivery run for it alone starts (trigger resend:ID).
        app.MapPost("/api/deliveries/{id:long}/resend", (long id, IBackgroundJobClient client) =>
        {
            var log = new DeliveryLog(ws.Dialect);
            if (log.Get(id) is not { } row) return Results.NotFound(new { error = $"没有投递记录 #{id} / no delivery #{id}" });
            if (!service.Delivery.Names(row.Channel, row.Recipient))
                return Results.Conflict(new { error = $"#{id} 的收件人已不在投递设置中 / {row.Recipient} is no longer in Warehouse:Delivery" });
            if (log.QueueResend(id) == null)
                return Results.Conflict(new
                {
                    error = $"#{id} 的状态是 {row.State}，只有失败、可能已送达或等待重发的投递可以重发 / "
                        + "only failed, uncertain or queued deliveries can be re-sent",
                });
            var job = WarehouseJobs.EnqueueDeliver(client, row.Briefing, $"resend:{id}");
            return Results.Accepted($"/hangfire/jobs/details/{job}", new { queued = id, jobId = job });
        });
        app.MapPost("/api/briefings/{folder}/deliver", (string folder, IBackgroundJobClient client) =>
        {
            if (!service.Delivery.Any) return Results.Conflict(new { error = "没有配置投递渠道 / no delivery channel is configured (Warehouse:Delivery)" });
            if (BriefingFolders.Find(options.BriefingsDir, folder) is not { } dir || !BriefingFolders.HasManifest(dir))
                return Results.NotFound(new { error = $"没有这份简报 / no briefing {folder}" });
            var job = WarehouseJobs.EnqueueDeliver(client, folder, "manual");
            return Results.Accepted($"/hangfire/jobs/details/{job}", new { delivering = folder, jobId = job });
        });
        BriefingPage.Map(app, options.BriefingsDir);
        app.MapPost("/api/inbox", async (HttpRequest request) =>
        {
            if (!request.HasFormContentType) return Results.BadRequest(new { error = "需要 multipart/form-data 上传 / multipart upload expected" });
            IFormCollection form;
            try { form = await request.ReadFormAsync(); }
            catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
            {
                var status = e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status400BadRequest; // 413: too large
                return Results.Json(new { error = $"上传内容无法解析 / malformed upload: {e.Message}" }, statusCode: status);
            }
            if (form.Files.Count == 0) return Results.BadRequest(new { error = "没有上传文件 / no file in the upload" });
            // Every name is checked before any file is written, so a refused upload leaves nothing behind.
            var names = new List<string>();
            foreach (var f in form.Files)
            {
                if (UploadNames.Reduce(f.FileName, out var refusal) is not { } safe) return Results.BadRequest(new { error = refusal });
                names.Add(safe);
            }
            var (saved, replaced) = (new List<string>(), new List<string>());
            Directory.CreateDirectory(options.Inbox);
            foreach (var (f, name) in form.Files.Zip(names))
            {
                // Written under a temporary name, then renamed, so the ingest job never reads half a file.
                var tmp = Path.Combine(options.Inbox, "." + name + ".part");
                await using (var s = File.Create(tmp)) await f.CopyToAsync(s);
                var final = Path.Combine(options.Inbox, name);
                // A file of that name still waiting is replaced: the newer upload is the corrected one. Said in the answer.
                if (File.Exists(final)) replaced.Add(name);
                File.Move(tmp, final, overwrite: true);
                File.SetLastWriteTimeUtc(final, DateTime.UtcNow.AddSeconds(-5));
                saved.Add(name);
            }
            return Results.Json(new { saved, replaced });
        });
        return app;
    }

    /// <summary>Starts the app; throws a one-line InvalidOperationException, the app stopped, when the port is taken or a
    /// bound address is public and no access token is set.</summary>
    public static Task StartAsync(WebApplication app) => BoundAddresses.StartAsync(app);

    /// <summary>Hangfire's dashboard asks every request for permission; the server's guard has already given or refused it.</summary>
    private sealed class GuardedByServer : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context) => true;
    }

    /// <summary>What `serve` says at start: where Hangfire keeps its state, and each job's schedule in words.</summary>
    public static IEnumerable<string> Summary(WebApplication app)
    {
        var service = app.Services.GetRequiredService<PipelineService>();
        yield return HangfireStorage.Durable(service.Workspace.Dialect)
            ? $"作业状态 / Hangfire state: 数据库 {service.Workspace.Dialect.Location} 的 hangfire 模式 (schema hangfire)"
            : "作业状态 / Hangfire state: 内存中，停止后清空；运行历史在 etl_batch / in memory, gone at exit; "
                + "run history stays in etl_batch";
        foreach (var job in ServeOptions.Jobs)
        {
            var cron = service.Options.Schedules.GetValueOrDefault(job, "");
            yield return $"  {job}: {ScheduleText.Describe(cron)}" + (cron.Length > 0 ? $"  ({cron}, {service.Options.TimeZone.Id})" : "");
        }
    }

    /// <summary>The address the server actually listens on (for tests that bind port 0).</summary>
    public static string Address(WebApplication app) => Addresses(app).First();

    /// <summary>Every address the server listens on, from the server itself (--urls and Kestrel endpoints from configuration).</summary>
    public static ICollection<string> Addresses(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
}
