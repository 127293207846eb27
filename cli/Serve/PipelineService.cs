using Warehouse.Reports.Pipeline;

namespace Warehouse.Cli.Serve;

/// <summary>The scheduler's handle on the pipeline library: the Quartz job classes read it from the scheduler context and call
/// <see cref="ScheduledJobs"/> (reports/Pipeline), the same steps `run` chains.</summary>
public sealed class PipelineService
{
    private readonly ScheduledJobs _jobs;

    /// <summary>Jobs on the workspace's database, with the inbox and briefing folder from the settings.</summary>
    public PipelineService(Workspace ws, ServeOptions options)
    {
        (Workspace, Options) = (ws, options);
        _jobs = new ScheduledJobs(ws.Pipeline(), options.Inbox, options.BriefingsDir);
    }

    /// <summary>Test hook: called at the start of each attempt of a job (tests throw a transient error once).</summary>
    public Action<string, int>? BeforeAttempt { get => _jobs.BeforeAttempt; init => _jobs.BeforeAttempt = value; }

    /// <summary>The workspace (database, seeds).</summary>
    public Workspace Workspace { get; }

    /// <summary>Settings.</summary>
    public ServeOptions Options { get; }

    /// <summary>Loads the inbox and seeds/ (see <see cref="ScheduledJobs.Ingest"/>).</summary>
    public JobOutcome Ingest(string trigger) => _jobs.Ingest(trigger);

    /// <summary>Forecasts every series and assesses every target.</summary>
    public JobOutcome Forecast(string trigger) => _jobs.Forecast(trigger);

    /// <summary>Writes the dated briefing folder.</summary>
    public JobOutcome Briefing(string trigger) => _jobs.Briefing(trigger);
}
