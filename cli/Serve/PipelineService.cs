using Warehouse.Reports.Delivery;
using Warehouse.Reports.Pipeline;

namespace Warehouse.Cli.Serve;

/// <summary>The server's handle on the pipeline library: the Hangfire jobs (<see cref="WarehouseJobs"/>) call
/// <see cref="ScheduledJobs"/> (reports/Pipeline) through it, the same steps `run` chains.</summary>
public sealed class PipelineService
{
    private readonly ScheduledJobs _jobs;

    /// <summary>Jobs on the workspace's database, with the inbox and briefing folder from the settings.</summary>
    public PipelineService(Workspace ws, ServeOptions options, DeliverySettings? delivery = null)
    {
        (Workspace, Options, Delivery) = (ws, options, delivery ?? DeliverySettings.None);
        _jobs = new ScheduledJobs(ws.Pipeline(), options.Inbox, options.BriefingsDir);
    }

    /// <summary>Test hook: called when an attempt begins (tests throw a transient error once, or hold a run busy).</summary>
    public Action<string, int>? BeforeAttempt { get => _jobs.BeforeAttempt; set => _jobs.BeforeAttempt = value; }

    /// <summary>The workspace (database, seeds).</summary>
    public Workspace Workspace { get; }

    /// <summary>Settings.</summary>
    public ServeOptions Options { get; }

    /// <summary>Where briefings are delivered (Warehouse:Delivery).</summary>
    public DeliverySettings Delivery { get; }

    /// <summary>Whether a briefing run by this trigger is followed by its delivery (Warehouse:Delivery:After).</summary>
    public bool DeliversAfter(string trigger) =>
        Delivery.Any && (Options.DeliverAfterEveryBriefing || !trigger.StartsWith("chain:", StringComparison.Ordinal));

    /// <summary>Delivers a briefing folder (see <see cref="ScheduledJobs.Deliver"/>).</summary>
    public JobOutcome Deliver(string folder, string trigger, int attempt = 1, CancellationToken cancel = default) =>
        _jobs.Deliver(folder, trigger, Delivery, attempt, cancel);

    /// <summary>Loads the inbox and seeds/ (see <see cref="ScheduledJobs.Ingest"/>).</summary>
    public JobOutcome Ingest(string trigger, int attempt = 1, CancellationToken cancel = default) => _jobs.Ingest(trigger, attempt, cancel);

    /// <summary>Forecasts every series and assesses every target.</summary>
    public JobOutcome Forecast(string trigger, int attempt = 1, CancellationToken cancel = default) => _jobs.Forecast(trigger, attempt, cancel);

    /// <summary>Writes the dated briefing folder.</summary>
    public JobOutcome Briefing(string trigger, int attempt = 1, CancellationToken cancel = default) => _jobs.Briefing(trigger, attempt, cancel);
}
