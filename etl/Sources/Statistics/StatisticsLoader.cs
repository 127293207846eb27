using System.Globalization;
using Dapper;
using Warehouse.Etl.Checks;
using Warehouse.Etl.Loading;
using Warehouse.Store;
using Warehouse.Store.Engine;

namespace Warehouse.Etl.Sources.Statistics;

/// <summary>Loads one statistics file into fact_observation: one batch, one transaction. Bad rows go to etl_reject;
/// good rows load; loading the same file again changes nothing; a corrected file replaces the figures it carries.</summary>
public sealed class StatisticsLoader(SqlDialect dialect)
{
    /// <summary>Called after each figure is written, inside the transaction (tests use it to simulate a crash mid-file).</summary>
    public Action<int>? AfterFigureWritten { get; init; }

    /// <summary>The source kind a file's name implies: published_* and illustrative_* are special, the rest are statistics.</summary>
    public static string KindOf(string path)
    {
        var name = Path.GetFileName(path).ToLowerInvariant();
        return name.StartsWith("published") ? "published" : name.StartsWith("illustrative") ? "illustrative" : "statistics";
    }

    /// <summary>The message for a file none of whose sheets has a recognisable layout, naming the layouts accepted.</summary>
    public static string UnknownLayout(string file) =>
        $"{file}: 无法识别的表格格式 / no recognisable layout. 接受的格式 / accepted layouts: "
        + "长表 long（表头含 地区、指标、年份/期间、数值 列，可选 单位、备注 / columns region, indicator, year or period, value[, unit, note]）；"
        + "宽表 wide（表头含 地区 列和若干指标列，如 有效注册商标量（万件），期间写在标题行或工作表名中 / a region column and one column "
        + "per indicator, the period in a title row or the sheet name）";

    /// <summary>Reads, checks and loads a file; a file that cannot be read fails its own batch and returns the error.</summary>
    public LoadResult Load(string path, string trigger = "cli")
    {
        var log = new BatchLog(dialect);
        var kind = KindOf(path);
        var batchId = log.Start("ingest-statistics", Path.GetFullPath(path), trigger);
        var file = Path.GetFileName(path);
        int rowsRead = 0;
        try
        {
            var sheets = Sheets.Read(path);
            var checksum = SourceFiles.Checksum(path);
            using var c = dialect.OpenReadWrite();
            using var tx = c.BeginTransaction();
            var catalog = Catalog.Load(c, tx);
            var parsed = new StatisticsParser(catalog).Parse(sheets, file);
            rowsRead = parsed.RowsRead;
            if (parsed.Shapes.Length == 0) throw new InvalidDataException(UnknownLayout(file));
            var sourceKey = SourceFiles.Upsert(c, tx, path, kind, null, checksum, SourceFiles.Fingerprint(checksum, catalog));
            var regions = catalog.Regions.ToDictionary(r => r.RegionCode, r => r.RegionKey);
            var indicators = catalog.Indicators.ToDictionary(i => i.IndicatorCode, i => i.IndicatorKey);
            var changes = new List<string>();
            var written = 0;
            // What this source already holds, read once, so a re-load can say what changed without a query per row.
            var existing = c.Query<(long Region, long Indicator, long Period, double Value)>(
                    "SELECT region_key, indicator_key, period_key, value FROM fact_observation WHERE source_key = @sourceKey", new { sourceKey }, tx)
                .ToDictionary(r => (r.Region, r.Indicator, r.Period), r => r.Value);
            var periodKeys = new Dictionary<string, long>();
            using var insert = c.CreateCommand();
            insert.Transaction = tx;
            insert.CommandText = """
                INSERT INTO fact_observation (region_key, indicator_key, period_key, source_key, value, location, evidence, note, batch_id)
                VALUES ($region, $indicator, $period, $source, $value, $location, $evidence, $note, $batch)
                ON CONFLICT (region_key, indicator_key, period_key, source_key) DO UPDATE SET value = excluded.value,
                    location = excluded.location, evidence = excluded.evidence, note = excluded.note,
                    batch_id = CASE WHEN fact_observation.value = excluded.value THEN fact_observation.batch_id ELSE excluded.batch_id END
                """;
            var p = new[] { "$region", "$indicator", "$period", "$source", "$value", "$location", "$evidence", "$note", "$batch" }.Select(name =>
            {
                var parameter = insert.CreateParameter();
                parameter.ParameterName = name;
                insert.Parameters.Add(parameter);
                return parameter;
            }).ToArray();
            insert.Prepare();
            var plausibility = new Plausibility(c, tx, catalog);
            var rejects = parsed.Rejects.ToList();
            var loaded = 0;
            foreach (var f in parsed.Figures)
            {
                if (plausibility.Judge(f) is { } reason)
                {
                    rejects.Add(new Reject(file, f.Location, reason,
                        $"{f.RegionCode},{f.IndicatorCode},{f.Period.Code},{f.Value.ToString(CultureInfo.InvariantCulture)},{f.Note}"));
                    continue;
                }
                plausibility.Accept(f);
                loaded++;
                if (!periodKeys.TryGetValue(f.Period.Code, out var periodKey)) periodKeys[f.Period.Code] = periodKey = Periods.Ensure(c, f.Period, tx);
                var key = (regions[f.RegionCode], indicators[f.IndicatorCode], periodKey);
                if (!existing.TryGetValue(key, out var old)) changes.Add("");
                else if (old != f.Value) changes.Add($"{f.RegionCode} {f.IndicatorCode} {f.Period.Code}: {old.ToString(CultureInfo.InvariantCulture)} → {f.Value.ToString(CultureInfo.InvariantCulture)}");
                (p[0].Value, p[1].Value, p[2].Value, p[3].Value, p[4].Value) = (key.Item1, key.Item2, periodKey, sourceKey, f.Value);
                (p[5].Value, p[6].Value, p[7].Value, p[8].Value) = (f.Location, (object?)f.Evidence ?? DBNull.Value, (object?)f.Note ?? DBNull.Value, batchId);
                insert.ExecuteNonQuery();
                AfterFigureWritten?.Invoke(++written);
            }
            BatchLog.WriteRejects(c, tx, batchId, rejects);
            var updated = changes.Where(s => s.Length > 0).ToList();
            var detail = $"shape {parsed.Shapes}; kind {kind}; new {changes.Count - updated.Count}, updated {updated.Count}, skipped {parsed.RowsSkipped}"
                + (updated.Count > 0 ? "; " + string.Join("; ", updated.Take(50)) + (updated.Count > 50 ? $"; … {updated.Count - 50} more" : "") : "");
            var counts = new BatchCounts(parsed.RowsRead, loaded, rejects.Count, changes.Count, detail);
            if (changes.Count > 0) Freshness.MarkStale(c, tx, Freshness.Forecast, $"{file}: {changes.Count} figures new or changed");
            BatchLog.Succeed(c, tx, batchId, counts);
            tx.Commit();
            return new LoadResult(path, kind, batchId, true, counts.Read, counts.Loaded, counts.Rejected, counts.Changed, null);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException or InvalidOperationException)
        {
            log.Fail(batchId, ex.Message, rowsRead);
            return new LoadResult(path, kind, batchId, false, rowsRead, 0, 0, 0, ex.Message);
        }
    }
}
