using Quartz;
using Warehouse.Reports.Pipeline;

namespace Warehouse.Cli.Serve;

/// <summary>Reads the pipeline service from the scheduler context and chains to the next job on success.</summary>
public abstract class PipelineJob : IJob
{
    /// <summary>Key of the pipeline service in the scheduler context.</summary>
    public const string ServiceKey = "pipeline";

    /// <summary>Job name (ingest, forecast, briefing).</summary>
    protected abstract string Name { get; }

    /// <summary>The work, via the service.</summary>
    protected abstract JobOutcome Work(PipelineService service, string trigger);

    /// <summary>The job to run after a successful run, if any.</summary>
    protected abstract string? Next(JobOutcome outcome);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var service = (PipelineService)context.Scheduler.Context[ServiceKey]!;
        var trigger = context.MergedJobDataMap.GetString("trigger") ?? (context.Trigger.Key.Name.StartsWith("cron-") ? "schedule" : "manual");
        var outcome = await Task.Run(() => Work(service, trigger), cancellationToken);
        if (outcome.Succeeded && Next(outcome) is { } next)
            await context.Scheduler.TriggerJob(new JobKey(next), new JobDataMap { ["trigger"] = "chain:" + Name }, cancellationToken);
    }
}

/// <summary>Loads the inbox and seeds/; chains to forecast when forecasts are stale (data changed, now or in an earlier run).</summary>
[DisallowConcurrentExecution]
public sealed class IngestJob : PipelineJob
{
    protected override string Name => "ingest";
    protected override JobOutcome Work(PipelineService service, string trigger) => service.Ingest(trigger);
    protected override string? Next(JobOutcome outcome) => outcome.Stale ? "forecast" : null;
}

/// <summary>Refreshes forecasts and attainment; chains to the briefing.</summary>
[DisallowConcurrentExecution]
public sealed class ForecastJob : PipelineJob
{
    protected override string Name => "forecast";
    protected override JobOutcome Work(PipelineService service, string trigger) => service.Forecast(trigger);
    protected override string? Next(JobOutcome outcome) => "briefing";
}

/// <summary>Writes the briefing (monthly by schedule, or on demand).</summary>
[DisallowConcurrentExecution]
public sealed class BriefingJob : PipelineJob
{
    protected override string Name => "briefing";
    protected override JobOutcome Work(PipelineService service, string trigger) => service.Briefing(trigger);
    protected override string? Next(JobOutcome outcome) => null;
}
