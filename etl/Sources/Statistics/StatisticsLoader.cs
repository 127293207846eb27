using System.Data.Common;
using System.Globalization;
using Dapper;
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
            var catalog = Catalog.Load(c, tx);
            var sourceKey = SourceFiles.Upsert(c, tx, path, kind, null, checksum, SourceFiles.Fingerprint(checksum, catalog));
            using var rejects = new RejectWriter(dialect, c, tx, batchId);
            using var stage = new Staging(c, tx, catalog);
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
            stage.Implausible(file, new Plausibility(catalog), rejects.Add);
            var (added, updated, changes) = stage.Changes(sourceKey);
            var loaded = stage.Merge(sourceKey, batchId);
            var detail = $"shape {summary.Shapes}; kind {kind}; new {added}, updated {updated}, skipped {summary.RowsSkipped}"
                + (changes.Count > 0 ? "; " + string.Join("; ", changes) + (updated > changes.Count ? $"; … {updated - changes.Count} more" : "") : "");
            var counts = new BatchCounts(summary.RowsRead, loaded, rejects.Count, added + updated, detail);
            if (added + updated > 0) Freshness.MarkStale(c, tx, Freshness.Forecast, $"{file}: {added + updated} figures new or changed");
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

    /// <summary>A temporary table holding the file's figures in file order, inside the load's transaction.</summary>
    private sealed class Staging : IDisposable
    {
        private readonly DbConnection _c;
        private readonly DbTransaction _tx;
        private readonly DbCommand _insert;
        private readonly DbParameter[] _p;
        private readonly Dictionary<string, long> _regions, _indicators, _periods = new();
        private readonly Dictionary<long, string> _regionCodes, _indicatorCodes, _periodCodes = new();

        public Staging(DbConnection c, DbTransaction tx, Catalog catalog)
        {
            (_c, _tx) = (c, tx);
            _regions = catalog.Regions.ToDictionary(r => r.RegionCode, r => r.RegionKey);
            _indicators = catalog.Indicators.ToDictionary(i => i.IndicatorCode, i => i.IndicatorKey);
            _regionCodes = _regions.ToDictionary(kv => kv.Value, kv => kv.Key);
            _indicatorCodes = _indicators.ToDictionary(kv => kv.Value, kv => kv.Key);
            c.Execute("""
                DROP TABLE IF EXISTS temp.stage_observation;
                DROP TABLE IF EXISTS temp.stage_key;
                CREATE TEMP TABLE stage_observation (seq INTEGER PRIMARY KEY, region_key INTEGER, indicator_key INTEGER, period_key INTEGER,
                    value REAL, location TEXT, evidence TEXT, note TEXT);
                """, transaction: tx);
            _insert = c.CreateCommand();
            _insert.Transaction = tx;
            _insert.CommandText = """
                INSERT INTO stage_observation (region_key, indicator_key, period_key, value, location, evidence, note)
                VALUES ($region, $indicator, $period, $value, $location, $evidence, $note)
                """;
            _p = new[] { "$region", "$indicator", "$period", "$value", "$location", "$evidence", "$note" }.Select(name =>
            {
                var p = _insert.CreateParameter();
                p.ParameterName = name;
                _insert.Parameters.Add(p);
                return p;
            }).ToArray();
            _insert.Prepare();
        }

        public void Add(Figure f)
        {
            if (!_periods.TryGetValue(f.Period.Code, out var periodKey))
            {
                _periods[f.Period.Code] = periodKey = Periods.Ensure(_c, f.Period, _tx);
                _periodCodes[periodKey] = f.Period.Code;
            }
            (_p[0].Value, _p[1].Value, _p[2].Value, _p[3].Value) = (_regions[f.RegionCode], _indicators[f.IndicatorCode], periodKey, f.Value);
            (_p[4].Value, _p[5].Value, _p[6].Value) = (f.Location, (object?)f.Evidence ?? DBNull.Value, (object?)f.Note ?? DBNull.Value);
            _insert.ExecuteNonQuery();
        }

        private string Key(long region, long indicator, long period) => $"{_regionCodes[region]} {_indicatorCodes[indicator]} {_periodCodes[period]}";

        /// <summary>Groups the staged figures by key: the first figure of each, and whether the key's figures disagree.</summary>
        public void Group() => _c.Execute("""
                CREATE TEMP TABLE stage_key (region_key INTEGER, indicator_key INTEGER, period_key INTEGER, first_seq INTEGER, contradicted INTEGER,
                    PRIMARY KEY (region_key, indicator_key, period_key)) WITHOUT ROWID;
                INSERT INTO stage_key SELECT region_key, indicator_key, period_key, min(seq), min(value) <> max(value)
                FROM stage_observation GROUP BY region_key, indicator_key, period_key;
                """, transaction: _tx);

        /// <summary>Two different figures for the same region, indicator and period in one file: neither can be trusted, both are quarantined.</summary>
        public IEnumerable<Reject> Contradictions(string file)
        {
            if (_c.ExecuteScalar<long>("SELECT count(*) FROM stage_key WHERE contradicted", transaction: _tx) == 0) yield break;
            var rows = _c.Query<(long Region, long Indicator, long Period, double Value, string Location)>("""
                SELECT s.region_key, s.indicator_key, s.period_key, s.value, s.location
                FROM stage_key k JOIN stage_observation s USING (region_key, indicator_key, period_key)
                WHERE k.contradicted ORDER BY k.first_seq, s.seq
                """, transaction: _tx, buffered: false);
            foreach (var g in Consecutive(rows))
            {
                var all = string.Join("; ", g.Select(f => $"{f.Location} = {f.Value.ToString(CultureInfo.InvariantCulture)}"));
                var key = Key(g[0].Region, g[0].Indicator, g[0].Period);
                foreach (var f in g)
                    yield return new Reject(file, f.Location, $"contradiction: 同一文件中 {key} 有不同数值 / contradicting figures for the same key ({all})", all);
            }
        }

        private static IEnumerable<List<(long Region, long Indicator, long Period, double Value, string Location)>> Consecutive(
            IEnumerable<(long Region, long Indicator, long Period, double Value, string Location)> rows)
        {
            var group = new List<(long Region, long Indicator, long Period, double Value, string Location)>();
            foreach (var r in rows)
            {
                if (group.Count > 0 && (group[0].Region, group[0].Indicator, group[0].Period) != (r.Region, r.Indicator, r.Period))
                {
                    yield return group;
                    group = [];
                }
                group.Add(r);
            }
            if (group.Count > 0) yield return group;
        }

        /// <summary>Figures far outside their own series (see <see cref="Plausibility"/>), judged one series at a time against the
        /// warehouse's figures and the file's other figures; each goes to <paramref name="reject"/> and is left out of the merge.</summary>
        public void Implausible(string file, Plausibility check, Action<Reject> reject)
        {
            var staged = _c.Query<StagedPoint>("""
                SELECT s.seq AS Seq, s.region_key AS Region, s.indicator_key AS Indicator, p.period_code AS Code, p.grain AS Grain,
                       p.month_from AS MonthFrom, p.month_to AS MonthTo, p.year AS Year, s.value AS Value, s.location AS Location, s.note AS Note
                FROM stage_key k JOIN stage_observation s ON s.seq = k.first_seq JOIN dim_period p ON p.period_key = s.period_key
                WHERE NOT k.contradicted
                ORDER BY s.region_key, s.indicator_key
                """, transaction: _tx, buffered: false);
            var flagged = new List<long>();
            var series = new List<StagedPoint>();
            void Judge()
            {
                if (series.Count == 0) return;
                var stored = ObservationSeries.Load(_c, _tx, series[0].Region, series[0].Indicator);
                var figures = series.Select(p => new FileFigure(new SeriesPoint(p.Grain, p.MonthFrom, p.MonthTo, p.Year, p.Value, "statistics"),
                    p.Code, p.Note)).ToList();
                foreach (var (i, reason) in check.Judge(figures, stored, _indicatorCodes[series[0].Indicator]))
                {
                    var p = series[i];
                    flagged.Add(p.Seq);
                    reject(new Reject(file, p.Location, reason, $"{Key(p.Region, p.Indicator, p.Code)} = "
                        + p.Value.ToString(CultureInfo.InvariantCulture) + (p.Note is { Length: > 0 } n ? $" ({n})" : "")));
                }
                series.Clear();
            }
            // Rows come grouped by series; only one series is held in memory at a time.
            foreach (var p in staged)
            {
                if (series.Count > 0 && (series[0].Region, series[0].Indicator) != (p.Region, p.Indicator)) Judge();
                series.Add(p);
            }
            Judge();
            foreach (var chunk in flagged.Chunk(500))
                _c.Execute("UPDATE stage_key SET contradicted = 2 WHERE first_seq IN @chunk", new { chunk }, _tx);
        }

        private sealed record StagedPoint(long Seq, long Region, long Indicator, string Code, string Grain, long MonthFrom, long MonthTo, long Year,
            double Value, string Location, string? Note);

        private string Key(long region, long indicator, string periodCode) => $"{_regionCodes[region]} {_indicatorCodes[indicator]} {periodCode}";

        /// <summary>What the merge will change against what this source already holds: new keys, changed values, and the first 50 changes.</summary>
        public (int Added, int Updated, List<string> Changes) Changes(long sourceKey)
        {
            int added = 0, updated = 0;
            var changes = new List<string>();
            foreach (var r in _c.Query<(long Region, long Indicator, long Period, double Value, double? Old)>("""
                         SELECT s.region_key, s.indicator_key, s.period_key, s.value, f.value
                         FROM stage_key k JOIN stage_observation s ON s.seq = k.first_seq
                         LEFT JOIN fact_observation f ON f.region_key = s.region_key AND f.indicator_key = s.indicator_key
                              AND f.period_key = s.period_key AND f.source_key = @sourceKey
                         WHERE NOT k.contradicted AND (f.value IS NULL OR f.value <> s.value)
                         ORDER BY k.first_seq
                         """, new { sourceKey }, _tx, buffered: false))
            {
                if (r.Old == null) { added++; continue; }
                updated++;
                if (changes.Count < 50)
                    changes.Add($"{Key(r.Region, r.Indicator, r.Period)}: "
                        + $"{r.Old.Value.ToString(CultureInfo.InvariantCulture)} → {r.Value.ToString(CultureInfo.InvariantCulture)}");
            }
            return (added, updated, changes);
        }

        /// <summary>Writes the first figure of every uncontradicted key; returns how many.</summary>
        public int Merge(long sourceKey, long batchId) => _c.Execute("""
            INSERT INTO fact_observation (region_key, indicator_key, period_key, source_key, value, location, evidence, note, batch_id)
            SELECT s.region_key, s.indicator_key, s.period_key, @sourceKey, s.value, s.location, s.evidence, s.note, @batchId
            FROM stage_key k JOIN stage_observation s ON s.seq = k.first_seq
            WHERE NOT k.contradicted
            ORDER BY k.first_seq
            ON CONFLICT (region_key, indicator_key, period_key, source_key) DO UPDATE SET value = excluded.value,
                location = excluded.location, evidence = excluded.evidence, note = excluded.note,
                batch_id = CASE WHEN fact_observation.value = excluded.value THEN fact_observation.batch_id ELSE excluded.batch_id END
            """, new { sourceKey, batchId }, _tx);

        // The temporary tables go with the connection, which is not pooled.
        public void Dispose() => _insert.Dispose();
    }
}
