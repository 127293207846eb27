using System.ComponentModel;
using System.Linq.Expressions;
using Hangfire;
using Hangfire.Server;
using Microsoft.Extensions.Logging;
using Warehouse.Reports.Pipeline;

namespace Warehouse.Cli.Serve;

/// <summary>The Hangfire jobs: thin calls into the pipeline (<see cref="ScheduledJobs"/>), chained with continuations
/// (ingest → forecast when forecasts are stale → briefing).</summary>
/// <remarks>Hangfire's own automatic retry is off: <see cref="TransientRetryAttribute"/> retries only what the engine calls
/// transient. Two runs of one job never overlap: the pipeline holds a lock per job in the warehouse's database.</remarks>
[AutomaticRetry(Attempts = 0)]
[TransientRetry]
public sealed class WarehouseJobs(PipelineService service, IBackgroundJobClient client, ILogger<WarehouseJobs> log)
{
    /// <summary>Loads the inbox and seeds/; continues with forecast when forecasts are stale.</summary>
    [DisplayName("导入 ingest（{0}）")]
    public void Ingest(string trigger, PerformContext? context, CancellationToken cancel) =>
        Run("ingest", trigger, context, cancel, service.Ingest, o => o.Stale ? Call("forecast", "chain:ingest") : null);

    /// <summary>Refreshes forecasts and attainment; continues with the briefing.</summary>
    [DisplayName("预测 forecast（{0}）")]
    public void Forecast(string trigger, PerformContext? context, CancellationToken cancel) =>
        Run("forecast", trigger, context, cancel, service.Forecast, _ => Call("briefing", "chain:forecast"));

    /// <summary>Writes the dated briefing folder; continues with its delivery when channels are configured.</summary>
    [DisplayName("简报 briefing（{0}）")]
    public void Briefing(string trigger, PerformContext? context, CancellationToken cancel) =>
        Run("briefing", trigger, context, cancel, service.Briefing,
            o => o.Folder != null && service.DeliversAfter(trigger) ? CallDeliver(Path.GetFileName(o.Folder), "chain:briefing") : null);

    /// <summary>Delivers a briefing folder (its name under the briefings folder) to every configured recipient, once each.</summary>
    [DisplayName("投递 deliver {0}（{1}）")]
    public void Deliver(string folder, string trigger, PerformContext? context, CancellationToken cancel) =>
        Run("deliver", trigger, context, cancel, (t, attempt, c) => service.Deliver(folder, t, attempt, c), _ => null);

    /// <summary>Queues a delivery of a briefing folder now; returns its Hangfire id.</summary>
    public static string EnqueueDeliver(IBackgroundJobClient client, string folder, string trigger) =>
        client.Enqueue(CallDeliver(folder, trigger));

    /// <summary>Queues a run of a job now; returns its Hangfire id.</summary>
    public static string Enqueue(IBackgroundJobClient client, string job, string trigger) => client.Enqueue(Call(job, trigger));

    /// <summary>Registers (or removes, for an empty schedule) a job's recurring schedule in the configured time zone.</summary>
    public static void Schedule(IRecurringJobManager recurring, string job, string cron, TimeZoneInfo zone)
    {
        if (cron.Length == 0) recurring.RemoveIfExists(job);
        else recurring.AddOrUpdate(job, Call(job, "schedule"), cron, new RecurringJobOptions { TimeZone = zone });
    }

    private void Run(string job, string trigger, PerformContext? context, CancellationToken cancel,
        Func<string, int, CancellationToken, JobOutcome> work, Func<JobOutcome, Expression<Action<WarehouseJobs>>?> next)
    {
        var attempt = (context?.GetJobParameter<int>(TransientRetryAttribute.RetryCount) ?? 0) + 1;
        log.LogInformation("{Job} 开始 / started ({Trigger}, attempt {Attempt})", job, trigger, attempt);
        JobOutcome outcome;
        try
        {
            outcome = work(trigger, attempt, cancel);
        }
        catch (Exception ex)
        {
            log.LogWarning("{Job} 失败 / failed: {Message}", job, ex.Message);
            throw;
        }
        log.LogInformation("{Job} {Status}: {Detail}", job, outcome.Status, outcome.Detail);
        if (next(outcome) is { } following && context != null)
            client.ContinueJobWith(context.BackgroundJob.Id, following);
    }

    /// <summary>The one place a scheduled job's name becomes its method: queued, scheduled and chained runs all go through here.</summary>
    private static Expression<Action<WarehouseJobs>> Call(string job, string trigger) => job switch
    {
        "ingest" => j => j.Ingest(trigger, null, CancellationToken.None),
        "forecast" => j => j.Forecast(trigger, null, CancellationToken.None),
        "briefing" => j => j.Briefing(trigger, null, CancellationToken.None),
        _ => throw new ArgumentException($"unknown job '{job}'", nameof(job)),
    };

    // Only the folder's name and the trigger are stored with the job: never a recipient's settings or a secret.
    private static Expression<Action<WarehouseJobs>> CallDeliver(string folder, string trigger) =>
        j => j.Deliver(folder, trigger, null, CancellationToken.None);
}
