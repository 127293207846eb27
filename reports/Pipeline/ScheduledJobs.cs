using Warehouse.Etl.Loading;
using Warehouse.Reports.Briefing;
using Warehouse.Reports.Delivery;
using Warehouse.Store;

namespace Warehouse.Reports.Pipeline;

/// <summary>What a job run did, for chaining and the batch log.</summary>
/// <param name="Status">succeeded; partial (some files failed, or rows were rejected into etl_reject); or failed.</param>
/// <param name="Stale">Forecasts are out of date with the data after this run (the ingest job chains forecast on it).</param>
public sealed record JobOutcome(string Status, int Files, int Changed, int Failed, string Detail, bool Stale = false)
{
    /// <summary>The briefing folder a briefing run wrote (delivery follows it).</summary>
    public string? Folder { get; init; }

    /// <summary>Whether a later attempt may finish what this run could not (delivery's transient failures).</summary>
    public bool RetryWanted { get; init; }

    /// <summary>Whether the job did its work (all of it, or part of it).</summary>
    public bool Succeeded => Status is "succeeded" or "partial";

    /// <summary>The counts the job's batch row shows: rows read, loaded and rejected for an ingest (the columns say rows), files
    /// written for a briefing.</summary>
    public BatchCounts Counts { get; init; } = new(Files, Files - Failed, Failed, Changed);

    /// <summary>The job's state from its files: succeeded when every file loaded and no row was rejected, failed when no file
    /// loaded, partial otherwise (the same line the CLI's exit code draws); the detail counts loaded, unchanged and failed files,
    /// rejected rows, and names the failed files.</summary>
    public static JobOutcome Of(IReadOnlyList<LoadResult> results, bool stale)
    {
        var unchanged = results.Where(r => r.Unchanged).Select(r => Path.GetFileName(r.File)).ToList();
        var read = results.Where(r => !r.Unchanged).ToList();
        var failed = read.Where(r => !r.Succeeded).ToList();
        var changed = read.Sum(r => r.Changed);
        var rejected = read.Sum(r => r.Rejected);
        var standing = results.Sum(r => r.StandingRejects);
        var status = failed.Count > 0 && failed.Count == read.Count ? "failed" : failed.Count > 0 || rejected > 0 ? "partial" : "succeeded";
        var detail = $"{read.Count - failed.Count} 个文件已导入 loaded, {failed.Count} 个失败 failed, "
            + $"{rejected} 行拒收 rows rejected, {changed} 行变更 rows changed"
            // Counted, not named: a scheduled ingest sees every shipped file unchanged each time, and the list drowned the row.
            + (unchanged.Count > 0 ? $"; {unchanged.Count} 个文件未变化 / {unchanged.Count} files unchanged since their last load" : "")
            // …and still holding the rows their last load rejected (the status stays that run's; the rows are in status).
            + (standing > 0 ? $"（其中仍有上次拒收的 {standing} 行 / still holding {standing} rows their last load rejected）" : "")
            + (failed.Count > 0 ? "; 失败 failed: " + string.Join("; ", failed.Select(f => $"{Path.GetFileName(f.File)}: {f.Error}")) : "");
        // Unchanged files were not read: not counted as loaded.
        return new JobOutcome(status, read.Count, changed, failed.Count, detail, stale)
        {
            Counts = new BatchCounts(read.Sum(r => r.Read), read.Sum(r => r.Loaded), rejected, changed),
        };
    }
}

/// <summary>A job run that failed for a reason a retry would not change (every file failed, a briefing refused); the batch
/// row already says why.</summary>
public sealed class JobFailedException(string job, string message) : Exception(message)
{
    /// <summary>ingest, forecast or briefing.</summary>
    public string Job { get; } = job;
}

/// <summary>A job run that failed on a transient error (database busy, deadlock, file still being written) and is worth
/// running again; the scheduler retries these and only these.</summary>
public sealed class TransientJobException(string job, Exception inner)
    : Exception($"{job}: 暂时性错误，将重试 / transient error, will be retried: {inner.Message}", inner)
{
    /// <summary>ingest, forecast or briefing.</summary>
    public string Job { get; } = job;
}

/// <summary>The scheduler's three jobs (ingest, forecast, briefing) as steps of <see cref="MainJob"/>: one run each, logged as a
/// <c>job:*</c> batch, never two runs of one job at once (<see cref="JobLock"/>). The scheduler's job class only calls these
/// and decides about retries from the exception: <see cref="TransientJobException"/> is worth another attempt.</summary>
public sealed class ScheduledJobs(MainJob pipeline, string inbox, string briefingsDir)
{
    /// <summary>Attempts for a transient failure before the run is left failed.</summary>
    public const int Attempts = 4;

    /// <summary>How long a run waits for a running run of the same job to finish.</summary>
    public TimeSpan LockWait { get; init; } = TimeSpan.FromHours(3);

    /// <summary>Test hook: called when an attempt begins, before anything touches the database (tests throw a transient
    /// error here, or hold a run busy).</summary>
    public Action<string, int>? BeforeAttempt { get; set; }

    /// <summary>The database.</summary>
    public Store.Engine.SqlDialect Dialect => pipeline.Dialect;

    /// <summary>Loads the inbox and seeds/; the outcome says whether forecasts are now stale.</summary>
    public JobOutcome Ingest(string trigger, int attempt = 1, CancellationToken cancel = default) => Run("ingest", trigger, attempt, cancel,
        () => JobOutcome.Of(pipeline.IngestInbox(inbox, trigger), pipeline.ForecastsStale));

    /// <summary>Forecasts every series and assesses every target.</summary>
    public JobOutcome Forecast(string trigger, int attempt = 1, CancellationToken cancel = default) => Run("forecast", trigger, attempt, cancel, () =>
    {
        var r = pipeline.Forecast(trigger);
        return new JobOutcome("succeeded", 0, r.ForecastRows, 0, $"{r.Series} series, {r.Targets} targets");
    });

    /// <summary>Writes the dated briefing folder.</summary>
    public JobOutcome Briefing(string trigger, int attempt = 1, CancellationToken cancel = default) => Run("briefing", trigger, attempt, cancel, () =>
    {
        var notes = new List<string>();
        var o = pipeline.Report(briefingsDir, trigger, say: notes.Add);
        return new JobOutcome("succeeded", o.Files.Count, 0, 0, string.Join("; ", notes.Append(o.Folder))) { Folder = o.Folder };
    });

    /// <summary>Delivers a briefing folder to every configured recipient, once each (<see cref="BriefingDelivery"/>); transient
    /// failures make the run worth retrying, and the retry skips what was delivered.</summary>
    /// <remarks>Trigger <c>resend:ID</c> (a person's 重发 of delivery ID) sends that delivery only, in every attempt.</remarks>
    public JobOutcome Deliver(string folder, string trigger, DeliverySettings settings, int attempt = 1,
        CancellationToken cancel = default, Action<DeliveryLine>? say = null) =>
        Run("deliver", trigger, attempt, cancel, () =>
        {
            var path = Path.IsPathRooted(folder) ? folder : Path.Combine(briefingsDir, folder);
            long? only = trigger.StartsWith("resend:", StringComparison.Ordinal) && long.TryParse(trigger[7..], out var id) ? id : null;
            var report = new BriefingDelivery(pipeline.Dialect, settings).Run(path, say: say, cancel: cancel, only: only);
            var total = report.Lines.Count;
            var status = report.Failed == 0 ? "succeeded" : report.Failed == total ? "failed" : "partial";
            var detail = $"{report.Briefing}: {report.Sent} 条已发送 sent, {report.Skipped} 条跳过 skipped, {report.Failed} 条失败 failed"
                + (report.Failed > 0 ? "; " + string.Join("; ", report.Lines.Where(l => l.Outcome is "failed" or "uncertain")
                    .Select(l => $"{l.Channel} {l.Recipient}: {l.Text}")) : "");
            return new JobOutcome(status, total, report.Sent, report.Failed, detail)
            {
                Folder = path, RetryWanted = report.RetryWanted,
                Counts = new BatchCounts(total, report.Sent + report.Skipped, report.Failed, report.Sent),
            };
        });

    /// <summary>What the engine calls transient (busy, locked, deadlock, serialization failure), or a file still held by its
    /// writer.</summary>
    public bool IsTransient(Exception ex) =>
        pipeline.Dialect.IsTransient(ex) || ex is IOException and not FileNotFoundException and not DirectoryNotFoundException;

    private JobOutcome Run(string job, string trigger, int attempt, CancellationToken cancel, Func<JobOutcome> work)
    {
        // A briefing also waits for a running ingest or forecast, so it never publishes a warehouse half loaded (the first
        // scheduled briefing of a new warehouse fires with the first ingest). The order is fixed, so no two runs deadlock.
        var locks = new List<IDisposable>();
        using var release = new Releaser(locks);
        // Delivery takes its own lock inside BriefingDelivery, which the CLI's deliver shares.
        foreach (var name in job switch { "briefing" => new[] { "briefing", "ingest", "forecast" }, "deliver" => [], _ => [job] })
            locks.Add(Store.JobLock.Acquire(pipeline.Dialect, name, LockWait, cancel)
                ?? throw new JobFailedException(job, $"{job}: {name} 的上一次运行 {LockWait.TotalHours:0.#} 小时仍未结束 / a run of {name} still holds it"));
        long? batchId = null;
        var log = new BatchLog(pipeline.Dialect);
        try
        {
            BeforeAttempt?.Invoke(job, attempt);
            // A run taken over from a node that died left its batch running: say so before this run starts its own.
            MarkDeadRuns();
            batchId = log.Start("job:" + job, null, trigger);
            var outcome = work();
            log.Finish(batchId.Value, outcome.Status, outcome.Counts with
            {
                Detail = outcome.Detail + (attempt == 1 ? "" : outcome.Status == "succeeded"
                    ? $"; 第{attempt}次尝试成功 / succeeded on attempt {attempt}" : $"; 第{attempt}次尝试 / attempt {attempt}"),
            });
            if (outcome.RetryWanted && attempt < Attempts)
                throw new TransientJobException(job, new IOException(outcome.Detail));
            if (outcome.Status == "failed") throw new JobFailedException(job, outcome.Detail);
            return outcome;
        }
        catch (Exception ex) when (ex is not JobFailedException and not TransientJobException)
        {
            var transient = IsTransient(ex);
            var retry = transient && attempt < Attempts;
            // A refusal is a finding, not a crash: its message is the whole story.
            var message = ex is BriefingRefusedException ? ex.Message : $"{ex.GetType().Name}: {ex.Message}";
            message += retry ? $" (第{attempt}次尝试，暂时性错误，稍后重试 / attempt {attempt} of {Attempts}, transient: will retry)"
                : transient ? $" (after {attempt} attempts)" : "";
            // When the database itself is what failed, the batch row may not be writable either; the scheduler keeps the error.
            try { if (batchId != null) log.Fail(batchId.Value, message); }
            catch (Exception logError) when (IsTransient(logError)) { }
            if (retry) throw new TransientJobException(job, ex);
            if (ex is BriefingRefusedException) throw new JobFailedException(job, ex.Message);
            throw;
        }
    }

    private sealed class Releaser(List<IDisposable> locks) : IDisposable
    {
        public void Dispose()
        {
            for (var i = locks.Count - 1; i >= 0; i--) locks[i].Dispose();
        }
    }

    private void MarkDeadRuns()
    {
        using var c = pipeline.Dialect.OpenReadWrite();
        BatchLog.MarkInterrupted(pipeline.Dialect, c);
    }
}
