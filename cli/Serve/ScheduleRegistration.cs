using Hangfire;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Warehouse.Store;

namespace Warehouse.Cli.Serve;

/// <summary>At start, writes the configured schedules into Hangfire (every node writes the same, so any node may fire them),
/// and on in-memory storage runs once each job whose scheduled run was missed while the server was down, and each re-send
/// that was queued when it stopped.</summary>
/// <remarks>On PostgreSQL and SQL Server Hangfire keeps each schedule's next run in the database and fires a missed one
/// once when a node comes back. In-memory storage forgets everything at exit, so the warehouse's own history decides:
/// a job whose last <c>etl_batch</c> run started before the latest scheduled time gets one run (trigger <c>missed</c>).
/// A job that never ran has nothing to make up.</remarks>
public sealed class ScheduleRegistration(PipelineService service, IRecurringJobManager recurring, IBackgroundJobClient client,
    ILogger<ScheduleRegistration> log) : IHostedService
{
    /// <summary>Registers the schedules and queues missed runs.</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var options = service.Options;
        var durable = HangfireStorage.Durable(service.Workspace.Dialect);
        foreach (var job in ServeOptions.Jobs)
        {
            var cron = options.Schedules.GetValueOrDefault(job, "");
            WarehouseJobs.Schedule(recurring, job, cron, options.TimeZone);
            if (cron.Length == 0 || durable) continue;
            if (MissedSince(job, cron) is { } missed)
            {
                log.LogInformation("{Job}: 停机期间错过 {Missed:yyyy-MM-dd HH:mm}（北京时间）的计划运行，现在补跑一次 / running the run missed while down",
                    job, ReadModels.Beijing(missed));
                WarehouseJobs.Enqueue(client, job, "missed");
            }
        }
        // A re-send queued before the server stopped was in the forgotten job queue; its row still says queued.
        if (!durable)
            foreach (var row in new DeliveryLog(service.Workspace.Dialect).Queued())
            {
                log.LogInformation("重发 #{Id} 在停机前已排队，现在执行 / re-send queued before the stop: running it now", row.DeliveryId);
                WarehouseJobs.EnqueueDeliver(client, row.Briefing, $"resend:{row.DeliveryId}");
            }
        return Task.CompletedTask;
    }

    /// <summary>Nothing to stop: Hangfire's server stops itself.</summary>
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The latest scheduled time after the job's last run and before now, if any.</summary>
    private DateTimeOffset? MissedSince(string job, string cron)
    {
        using var c = service.Workspace.Dialect.OpenReadOnly();
        var last = new ReadModels(service.Workspace.Dialect, c).LastBatch("job:" + job);
        if (last == null) return null;
        var expression = ServeOptions.ParseCron(cron)!;
        var now = DateTimeOffset.UtcNow;
        var occurrences = expression.GetOccurrences(last.StartedAt, now, service.Options.TimeZone, fromInclusive: false, toInclusive: true);
        return occurrences.Cast<DateTimeOffset?>().LastOrDefault();
    }
}
