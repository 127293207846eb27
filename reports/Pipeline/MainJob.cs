using Warehouse.Etl.Loading;
using Warehouse.Reports.Briefing;
using Warehouse.Reports.Forecasting;
using Warehouse.Store;
using Warehouse.Store.Engine;

namespace Warehouse.Reports.Pipeline;

/// <summary>How a caller watches the pipeline: the CLI prints and draws progress bars, the scheduler stays silent.</summary>
public interface IPipelineProgress
{
    /// <summary>A step of the main job begins.</summary>
    void Step(int number, int count, string title) { }

    /// <summary>Runs a long piece of work; the work reports (done, total, what) through the action it is given.</summary>
    T Track<T>(string title, Func<Action<double, double?, string?>, T> work) => work((_, _, _) => { });

    /// <summary>A file was loaded, failed or skipped as unchanged.</summary>
    void Loaded(LoadResult result) { }

    /// <summary>Every file of an ingest step is done.</summary>
    void Ingested(IReadOnlyList<LoadResult> results) { }

    /// <summary>The forecast run committed.</summary>
    void Forecasted(ForecastRunResult result) { }

    /// <summary>The briefing folder is written.</summary>
    void Published(BriefingOutput output) { }

    /// <summary>A remark about what the pipeline chose to do (stale forecasts refreshed first ...).</summary>
    void Say(string line) { }
}

/// <summary>A caller that watches nothing.</summary>
public sealed class SilentProgress : IPipelineProgress
{
    /// <summary>The one instance.</summary>
    public static readonly SilentProgress Instance = new();
}

/// <summary>What the main job did: every file's load, the forecast run, and the briefing.</summary>
public sealed record MainJobResult(IReadOnlyList<LoadResult> Loads, ForecastRunResult Forecast, BriefingOutput Briefing)
{
    /// <summary>Whether any file failed to load (rejected rows do not count: the shipped seeds carry known quarantined rows).</summary>
    public bool FilesFailed => Loads.Any(r => !r.Succeeded);
}

/// <summary>The warehouse's one pipeline, init → ingest → forecast → report, called by the CLI commands (`init`, `ingest`,
/// `forecast`, `report`, `run`) and by the scheduler's jobs alike, so both chain the same steps the same way.</summary>
public sealed class MainJob(SqlDialect dialect, string seedsDir, IPipelineProgress? progress = null)
{
    private readonly IPipelineProgress _progress = progress ?? SilentProgress.Instance;

    /// <summary>The database.</summary>
    public SqlDialect Dialect => dialect;

    /// <summary>Reference data and shipped inputs.</summary>
    public string SeedsDir => seedsDir;

    /// <summary>Creates or migrates the schema and loads the reference data (regions, indicators) from the seeds.</summary>
    public InitResult Init()
    {
        var migrator = new Migrator(dialect);
        var applied = migrator.Migrate();
        var (regions, indicators) = ReferenceData.Load(dialect, seedsDir);
        return new InitResult(applied, regions, indicators) { ReaderNote = migrator.ReaderNote };
    }

    /// <summary>Initialises, then loads files and folders (unchanged files skipped unless <paramref name="force"/>).</summary>
    /// <exception cref="FileNotFoundException">A path does not exist; nothing was written.</exception>
    public IReadOnlyList<LoadResult> Ingest(IEnumerable<string> paths, string trigger = "cli", bool force = false,
        bool recordUnchanged = true)
    {
        var files = Ingestor.Expand(paths); // a wrong path is the caller's mistake, found before anything is written
        Init(); // picks up synonyms a statistician added to seeds/ since the last run
        var results = _progress.Track("导入 / ingest", report =>
        {
            var done = 0;
            report(0, files.Count, null);
            var ingestor = new Ingestor(dialect) { RowsRead = rows => report(done, files.Count, $"{rows:N0} rows of file {done + 1}") };
            return ingestor.Ingest(files, trigger, r =>
            {
                report(++done, files.Count, Path.GetFileName(r.File));
                _progress.Loaded(r);
            }, force, recordUnchanged);
        });
        _progress.Ingested(results);
        return results;
    }

    /// <summary>Loads an inbox folder, then the seeds: inbox files that loaded move to <c>processed/</c>, failed ones to
    /// <c>failed/</c> with an <c>.error.txt</c> beside them; a file written in the last two seconds waits for the next run.</summary>
    public IReadOnlyList<LoadResult> IngestInbox(string inbox, string trigger)
    {
        Directory.CreateDirectory(inbox);
        Init();
        var ingestor = new Ingestor(dialect);
        var results = new List<LoadResult>();
        foreach (var file in Ingestor.Expand([inbox]))
        {
            if (IsStillBeingWritten(file)) continue; // picked up next run
            var r = ingestor.LoadFile(file, trigger);
            results.Add(r);
            _progress.Loaded(r);
            var target = Path.Combine(inbox, r.Succeeded ? "processed" : "failed");
            Directory.CreateDirectory(target);
            var dest = Path.Combine(target, $"{DateTime.Now:yyyyMMddHHmmss}_{Path.GetFileName(file)}");
            File.Move(file, dest);
            if (!r.Succeeded) File.WriteAllText(dest + ".error.txt", r.Error);
        }
        results.AddRange(ingestor.Ingest([seedsDir], trigger, _progress.Loaded, recordUnchanged: false));
        _progress.Ingested(results);
        return results;
    }

    /// <summary>Whether forecasts and attainment are out of date with the data.</summary>
    public bool ForecastsStale => Freshness.Read(dialect, Freshness.Forecast) != null;

    /// <summary>Forecasts every series and assesses every goal and milestone.</summary>
    public ForecastRunResult Forecast(string trigger = "cli")
    {
        Migrator.RequireWarehouse(dialect);
        var result = _progress.Track("预测 / forecast", report =>
            new ForecastRun(dialect) { Progress = (done, all) => report(done, all, "series") }.Execute(trigger: trigger));
        _progress.Forecasted(result);
        return result;
    }

    /// <summary>Writes the dated briefing folder (stale forecasts refreshed first).</summary>
    /// <exception cref="BriefingRefusedException">The warehouse cannot support a true briefing; nothing was written.</exception>
    /// <param name="say">Hears the remarks (default: the progress watcher's <see cref="IPipelineProgress.Say"/>).</param>
    public BriefingOutput Report(string outDir, string trigger = "cli", int? year = null, IReadOnlyList<string>? regions = null,
        Lang? lang = null, Action<string>? say = null)
    {
        Migrator.RequireWarehouse(dialect);
        var output = _progress.Track("简报 / briefing", _ =>
            BriefingPublisher.Publish(dialect, outDir, trigger, year, say: say ?? _progress.Say, regions: regions, lang: lang));
        _progress.Published(output);
        return output;
    }

    /// <summary>The main job: init, ingest the seeds, forecast, report. A file that fails does not stop it (the result says so).</summary>
    /// <exception cref="BriefingRefusedException">The last step found the warehouse cannot support a true briefing.</exception>
    public MainJobResult Run(string outDir, string trigger = "cli")
    {
        _progress.Step(1, 3, "导入 / ingest seeds/");
        var loads = Ingest([seedsDir], trigger);
        _progress.Step(2, 3, "预测 / forecast");
        var forecast = Forecast(trigger);
        _progress.Step(3, 3, "简报 / report");
        return new MainJobResult(loads, forecast, Report(outDir, trigger));
    }

    /// <summary>A file modified in the last two seconds may still be being copied in.</summary>
    private static bool IsStillBeingWritten(string file) => DateTime.UtcNow - File.GetLastWriteTimeUtc(file) < TimeSpan.FromSeconds(2);
}

/// <summary>What <see cref="MainJob.Init"/> did: migrations applied, and the reference rows loaded.</summary>
public sealed record InitResult(IReadOnlyList<int> Applied, int Regions, int Indicators)
{
    /// <summary>Why ad-hoc SQL is confined less strictly than it could be (the login may not create the reader role), or null.</summary>
    public string? ReaderNote { get; init; }
}
