using Hangfire.Common;
using Hangfire.States;
using Warehouse.Reports.Pipeline;

namespace Warehouse.Cli.Serve;

/// <summary>Retries a job that failed on a transient error (the engine's own classification, carried by
/// <see cref="TransientJobException"/>) after 5 s, 15 s, 45 s; any other failure stays failed, with its exception on the
/// dashboard, for a person to requeue.</summary>
public sealed class TransientRetryAttribute : JobFilterAttribute, IElectStateFilter
{
    /// <summary>Job parameter counting the retries so far (the name Hangfire's own retry filter uses).</summary>
    public const string RetryCount = "RetryCount";

    /// <summary>First delay; set from Warehouse:Scheduler:RetrySeconds when the server starts.</summary>
    public static TimeSpan FirstDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Turns a transient failure into a scheduled retry.</summary>
    public void OnStateElection(ElectStateContext context)
    {
        // The pipeline decides whether a retry is left (it throws TransientJobException only below ScheduledJobs.Attempts).
        if (context.CandidateState is not FailedState { Exception: TransientJobException transient }) return;
        var retry = context.GetJobParameter<int>(RetryCount) + 1;
        context.SetJobParameter(RetryCount, retry);
        var delay = FirstDelay * Math.Pow(3, retry - 1);
        context.CandidateState = new ScheduledState(delay)
        {
            Reason = $"暂时性错误，{delay.TotalSeconds:0} 秒后第{retry}次重试 / transient error, retry {retry} of "
                + $"{ScheduledJobs.Attempts - 1} in {delay.TotalSeconds:0} s: {transient.InnerException?.Message}",
        };
    }
}
