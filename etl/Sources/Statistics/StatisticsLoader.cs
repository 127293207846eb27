using System.Data.Common;
using System.Globalization;
using Warehouse.Etl.Checks;
using Warehouse.Etl.Loading;
using Warehouse.Store;
using Warehouse.Store.Engine;

namespace Warehouse.Etl.Sources.Statistics;

/// <summary>Loads one statistics file into fact_observation: one batch, one transaction. Bad rows go to etl_reject;
/// good rows load; loading the same file again changes nothing; a corrected file replaces the figures it carries.</summary>
/// <remarks>The file streams through: each figure goes to a staging table and each reject to etl_reject as its row is read,
/// inside the file's one transaction, so memory does not grow with the file. Contradictions and changes are then worked out
/// by the engine over the staged rows.</remarks>
public sealed class StatisticsLoader(SqlDialect dialect)
{
    /// <summary>Called after each figure is written, inside the transaction (tests use it to simulate a crash mid-file).</summary>
    public Action<int>? AfterFigureWritten { get; init; }

    /// <summary>Called now and then with the rows read so far (progress displays).</summary>
    public Action<int>? RowsRead { get; init; }

    /// <summary>Figures and rejects between two <see cref="RowsRead"/> calls.</summary>
    private const int ProgressEvery = 10_000;

    /// <summary>The source kind a file's name implies: published_* and illustrative_* are special, the rest are statistics.</summary>
    public static string KindOf(string path)
    {
        var name = Path.GetFileName(path).ToLowerInvariant();
        return name.StartsWith("published") ? "published" : name.StartsWith("illustrative") ? "illustrative" : "statistics";
    }

    /// <summary>Reads, checks and loads a file; never throws for a bad file: a file that cannot be read fails its own batch
    /// and returns the error, naming the file.</summary>
    public LoadResult Load(string path, string trigger = "cli")
    {
        var kind = KindOf(path);
        var file = Path.GetFileName(path);
        var log = new BatchLog(dialect);
        long batchId = 0;
        var rowsRead = 0;
        try
        {
            batchId = log.Start("ingest-statistics", Path.GetFullPath(path), trigger);
            using var source = Sheets.Open(path);
            var checksum = SourceFiles.Checksum(path);
            using var c = dialect.OpenReadWrite();
            using var tx = c.BeginTransaction();
            var catalog = Catalog.Load(dialect, c, tx);
            var sourceKey = SourceStore.Upsert(dialect, c, tx, file, Path.GetFullPath(path), kind, null, checksum,
                SourceFiles.Fingerprint(checksum, catalog));
            using var rejects = new RejectWriter(dialect, c, tx, batchId);
            using var stage = new Staging(dialect.CreateStage(c, tx), catalog);
            int written = 0, seen = 0;
            var summary = new StatisticsParser(catalog).Parse(source.Sheets, file, f =>
            {
                stage.Add(f);
                AfterFigureWritten?.Invoke(++written);
                if (++seen % ProgressEvery == 0) RowsRead?.Invoke(seen);
            }, r =>
            {
                rejects.Add(r);
                if (++seen % ProgressEvery == 0) RowsRead?.Invoke(seen);
            });
            rowsRead = summary.RowsRead;
            RowsRead?.Invoke(summary.RowsRead);

            stage.Group();
            foreach (var r in stage.Contradictions(file)) rejects.Add(r);
            stage.Implausible(file, new Plausibility(catalog), rejects.Add, (region, indicator) =>
                ObservationSeries.Load(dialect, c, tx, region, indicator));
            var (added, updated, changes) = stage.Changes(sourceKey);
            var loaded = stage.Merge(sourceKey, batchId);
            var detail = $"shape {summary.Shapes}; kind {kind}; new {added}, updated {updated}, skipped {summary.RowsSkipped}"
                + (changes.Count > 0 ? "; " + string.Join("; ", changes) + (updated > changes.Count ? $"; … {updated - changes.Count} more" : "") : "");
            var counts = new BatchCounts(summary.RowsRead, loaded, rejects.Count, added + updated, detail);
            if (added + updated > 0) Freshness.MarkStale(dialect, c, tx, Freshness.Forecast, $"{file}: {added + updated} figures new or changed");
            BatchLog.Succeed(dialect, c, tx, batchId, counts);
            tx.Commit();
            return new LoadResult(path, kind, batchId, true, counts.Read, counts.Loaded, counts.Rejected, counts.Changed, null);
        }
        catch (Exception ex)
        {
            // Whatever went wrong, it went wrong with this file: its batch fails, naming it, and the run goes on with the next.
            var message = ex.Message.StartsWith(file, StringComparison.Ordinal) ? ex.Message : $"{file}: {ex.Message}";
            if (ex is not (InvalidDataException or IOException or UnauthorizedAccessException or DbException))
                message += $" ({ex.GetType().Name})";
            try
            {
                if (batchId > 0) log.Fail(batchId, message, rowsRead);
            }
            catch (DbException failEx)
            {
                message += $"; the failure could not be logged either: {failEx.Message}";
            }
            return new LoadResult(path, kind, batchId, false, rowsRead, 0, 0, 0, message);
        }
    }

    /// <summary>The file's figures on their way through the engine's stage: codes turned into keys on the way in, keys turned back
    /// into codes for the messages that name them.</summary>
    private sealed class Staging(ObservationStage stage, Catalog catalog) : IDisposable
    {
        private readonly Dictionary<string, long> _regions = catalog.Regions.ToDictionary(r => r.RegionCode, r => r.RegionKey);
        private readonly Dictionary<string, long> _indicators = catalog.Indicators.ToDictionary(i => i.IndicatorCode, i => i.IndicatorKey);
        private readonly Dictionary<long, string> _regionCodes = catalog.Regions.ToDictionary(r => r.RegionKey, r => r.RegionCode);
        private readonly Dictionary<long, string> _indicatorCodes = catalog.Indicators.ToDictionary(i => i.IndicatorKey, i => i.IndicatorCode);

        public void Add(Figure f) =>
            stage.Add(_regions[f.RegionCode], _indicators[f.IndicatorCode], f.Period, f.Value, f.Location, f.Evidence, f.Note);

        private string Key(long region, long indicator, string periodCode) => $"{_regionCodes[region]} {_indicatorCodes[indicator]} {periodCode}";

        /// <summary>Groups the staged figures by key: the first figure of each, and whether the key's figures disagree.</summary>
        public void Group() => stage.Group();

        /// <summary>Two different figures for the same region, indicator and period in one file: neither can be trusted, both are quarantined.</summary>
        public IEnumerable<Reject> Contradictions(string file)
        {
            foreach (var g in Consecutive(stage.Contradictions()))
            {
                var all = string.Join("; ", g.Select(f => $"{f.Location} = {f.Value.ToString(CultureInfo.InvariantCulture)}"));
                var key = Key(g[0].Region, g[0].Indicator, g[0].PeriodCode);
                foreach (var f in g)
                    yield return new Reject(file, f.Location, $"contradiction: 同一文件中 {key} 有不同数值 / contradicting figures for the same key ({all})", all);
            }
        }

        private static IEnumerable<List<StagedValue>> Consecutive(IEnumerable<StagedValue> rows)
        {
            var group = new List<StagedValue>();
            foreach (var r in rows)
            {
                if (group.Count > 0 && (group[0].Region, group[0].Indicator, group[0].PeriodCode) != (r.Region, r.Indicator, r.PeriodCode))
                {
                    yield return group;
                    group = [];
                }
                group.Add(r);
            }
            if (group.Count > 0) yield return group;
        }

        /// <summary>Figures far outside their own series (see <see cref="Plausibility"/>), judged one series at a time against the
        /// warehouse's figures (<paramref name="stored"/>) and the file's other figures; each goes to <paramref name="reject"/> and is
        /// left out of the merge.</summary>
        public void Implausible(string file, Plausibility check, Action<Reject> reject, Func<long, long, IReadOnlyList<SeriesPoint>> stored)
        {
            var flagged = new List<long>();
            // One series in memory at a time, each read whole before the next statement runs on the connection.
            foreach (var (region, indicator) in stage.Series())
            {
                var series = stage.Firsts(region, indicator);
                if (series.Count == 0) continue;
                var figures = series.Select(p => new FileFigure(new SeriesPoint(p.Grain, p.MonthFrom, p.MonthTo, p.Year, p.Value, "statistics"),
                    p.PeriodCode, p.Note)).ToList();
                foreach (var (i, reason) in check.Judge(figures, stored(region, indicator), _indicatorCodes[indicator]))
                {
                    var p = series[i];
                    flagged.Add(p.Seq);
                    reject(new Reject(file, p.Location, reason, $"{Key(region, indicator, p.PeriodCode)} = "
                        + p.Value.ToString(CultureInfo.InvariantCulture) + (p.Note is { Length: > 0 } n ? $" ({n})" : "")));
                }
            }
            foreach (var seq in flagged) stage.Exclude(seq);
        }

        /// <summary>What the merge will change against what this source already holds: new keys, changed values, and the first 50 changes.</summary>
        public (int Added, int Updated, List<string> Changes) Changes(long sourceKey)
        {
            int added = 0, updated = 0;
            var changes = new List<string>();
            foreach (var r in stage.Changes(sourceKey))
            {
                if (r.Old == null) { added++; continue; }
                updated++;
                if (changes.Count < 50)
                    changes.Add($"{Key(r.Region, r.Indicator, r.PeriodCode)}: "
                        + $"{r.Old.Value.ToString(CultureInfo.InvariantCulture)} → {r.Value.ToString(CultureInfo.InvariantCulture)}");
            }
            return (added, updated, changes);
        }

        /// <summary>Writes the first figure of every uncontradicted key; returns how many.</summary>
        public int Merge(long sourceKey, long batchId) => stage.Merge(sourceKey, batchId);

        public void Dispose() => stage.Dispose();
    }
}
