using Warehouse.Etl.Loading;
using Warehouse.Reports.Briefing;
using Warehouse.Store;

namespace Warehouse.Reports.Pipeline;

/// <summary>What a job run did, for chaining and the batch log.</summary>
/// <param name="Status">succeeded, partial (some files failed) or failed.</param>
/// <param name="Stale">Forecasts are out of date with the data after this run (the ingest job chains forecast on it).</param>
public sealed record JobOutcome(string Status, int Files, int Changed, int Failed, string Detail, bool Stale = false)
{
    /// <summary>Whether the job did its work (all of it, or part of it).</summary>
    public bool Succeeded => Status is "succeeded" or "partial";

    /// <summary>The job's state from its files: succeeded when every file loaded, failed when none did, partial otherwise;
    /// the detail counts loaded, unchanged and failed files, rejected rows, and names the failed files.</summary>
    public static JobOutcome Of(IReadOnlyList<LoadResult> results, bool stale)
    {
        var unchanged = results.Where(r => r.Unchanged).Select(r => Path.GetFileName(r.File)).ToList();
        var read = results.Where(r => !r.Unchanged).ToList();
        var failed = read.Where(r => !r.Succeeded).ToList();
        var changed = read.Sum(r => r.Changed);
        var status = failed.Count == 0 ? "succeeded" : failed.Count == read.Count ? "failed" : "partial";
        var detail = $"{read.Count - failed.Count} 个文件已导入 loaded, {failed.Count} 个失败 failed, "
            + $"{read.Sum(r => r.Rejected)} 行拒收 rows rejected, {changed} 行变更 rows changed"
            + (unchanged.Count > 0 ? "; " + Ingestor.Describe(unchanged) : "")
            + (failed.Count > 0 ? "; 失败 failed: " + string.Join("; ", failed.Select(f => $"{Path.GetFileName(f.File)}: {f.Error}")) : "");
        // Unchanged files were not read: not counted as loaded.
        return new JobOutcome(status, read.Count, changed, failed.Count, detail, stale);
    }
}

/// <summary>The scheduler's three jobs (ingest, forecast, briefing) as steps of <see cref="MainJob"/>, each logged as one
/// <c>job:*</c> batch and retried on transient failures; the scheduler's job classes only call these.</summary>
public sealed class ScheduledJobs(MainJob pipeline, string inbox, string briefingsDir)
{
    /// <summary>Attempts for a transient failure (database busy, file still being written), with 1 s, 2 s, 4 s waits.</summary>
    public const int Attempts = 4;

    /// <summary>Test hook: called at the start of each attempt of a job (tests throw a transient error once).</summary>
    public Action<string, int>? BeforeAttempt { get; set; }

    /// <summary>Loads the inbox and seeds/; the outcome says whether forecasts are now stale.</summary>
    public JobOutcome Ingest(string trigger) => Run("ingest", trigger, () =>
        JobOutcome.Of(pipeline.IngestInbox(inbox, trigger), pipeline.ForecastsStale));

    /// <summary>Forecasts every series and assesses every target.</summary>
    public JobOutcome Forecast(string trigger) => Run("forecast", trigger, () =>
    {
        var r = pipeline.Forecast(trigger);
        return new JobOutcome("succeeded", 0, r.ForecastRows, 0, $"{r.Series} series, {r.Targets} targets");
    });

    /// <summary>Writes the dated briefing folder.</summary>
    public JobOutcome Briefing(string trigger) => Run("briefing", trigger, () =>
    {
        var notes = new List<string>();
        var o = pipeline.Report(briefingsDir, trigger, say: notes.Add);
        return new JobOutcome("succeeded", o.Files.Count, 0, 0, string.Join("; ", notes.Append(o.Folder)));
    });

    /// <summary>What the engine calls transient (busy, locked, deadlock, serialization failure), or a file still held by its
    /// writer.</summary>
    public bool IsTransient(Exception ex) =>
        pipeline.Dialect.IsTransient(ex) || ex is IOException and not FileNotFoundException and not DirectoryNotFoundException;

    private JobOutcome Run(string job, string trigger, Func<JobOutcome> work)
    {
        var log = new BatchLog(pipeline.Dialect);
        var batchId = log.Start("job:" + job, null, trigger);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                BeforeAttempt?.Invoke(job, attempt);
                var outcome = work();
                log.Finish(batchId, outcome.Status, new BatchCounts(outcome.Files, outcome.Files - outcome.Failed, outcome.Failed,
                    outcome.Changed, outcome.Detail + (attempt > 1 ? $"; succeeded on attempt {attempt}" : "")));
                return outcome;
            }
            catch (Exception ex) when (IsTransient(ex) && attempt < Attempts)
            {
                Thread.Sleep(TimeSpan.FromSeconds(Math.Pow(2, attempt - 1)));
            }
            catch (Exception ex)
            {
                // A refusal is a finding, not a crash: its message is the whole story.
                var message = ex is BriefingRefusedException ? ex.Message : $"{ex.GetType().Name}: {ex.Message}";
                log.Fail(batchId, message + (IsTransient(ex) ? $" (after {attempt} attempts)" : ""));
                return new JobOutcome("failed", 0, 0, 1, ex.Message);
            }
        }
    }
}
