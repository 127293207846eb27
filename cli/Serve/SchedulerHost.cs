using Microsoft.Extensions.Hosting;
using Quartz;

namespace Warehouse.Cli.Serve;

/// <summary>Runs the Quartz scheduler inside the web host: cron triggers in the configured time zone, one durable job each.</summary>
/// <remarks>Misfire policy: a cron run missed while the server was down fires once as soon as the scheduler starts, then
/// the schedule resumes (fire-and-proceed). Shutdown waits for a running job to finish; each file load is one transaction,
/// so a job stopped harder than that rolls back to the last complete file.</remarks>
public sealed class SchedulerHost(PipelineService service) : IHostedService
{
    /// <summary>The running scheduler (for the API).</summary>
    public IScheduler Scheduler { get; private set; } = null!;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        Scheduler = await QuartzSchedulerBuilder.Create(q => q.UseInMemoryStore(_ => { })
                .ConfigureScheduler(o => o.InstanceName = "warehouse-" + Guid.NewGuid().ToString("N")[..8]))
            .BuildScheduler(cancellationToken);
        Scheduler.Context[PipelineJob.ServiceKey] = service;
        var types = new Dictionary<string, Type> { ["ingest"] = typeof(IngestJob), ["forecast"] = typeof(ForecastJob), ["briefing"] = typeof(BriefingJob) };
        foreach (var (name, type) in types)
        {
            // No overlapping runs of the same job: a second trigger waits until the first run ends.
            await Scheduler.AddJob(JobBuilder.Create().OfType(type).WithIdentity(name).StoreDurably(true).DisallowConcurrentExecution(true).Build(),
                AddJobOptions.Replacing, cancellationToken);
            var cron = service.Options.Schedules.GetValueOrDefault(name, "");
            if (cron.Length == 0) continue;
            await Scheduler.ScheduleJob(TriggerBuilder.Create(TimeProvider.System).WithIdentity("cron-" + name).ForJob(name)
                .WithSchedule(CronScheduleBuilder.Create(cron).InTimeZone(service.Options.TimeZone).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
                .Build(), default, cancellationToken);
        }
        await Scheduler.Start(cancellationToken);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (Scheduler != null) await Scheduler.Shutdown(waitForJobsToComplete: true, cancellationToken);
    }
}
