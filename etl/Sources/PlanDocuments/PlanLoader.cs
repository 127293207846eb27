using Warehouse.Etl.Loading;
using Warehouse.Store;
using Warehouse.Store.Engine;

namespace Warehouse.Etl.Sources.PlanDocuments;

/// <summary>Loads one plan document into fact_target: one batch, one transaction; re-loading replaces the document's rows.</summary>
public sealed class PlanLoader(SqlDialect dialect)
{
    /// <summary>Reads, extracts and loads; never throws for a bad document (the batch records the failure).</summary>
    public LoadResult Load(string path, string trigger = "cli")
    {
        var log = new BatchLog(dialect);
        var batchId = log.Start("ingest-plan", Path.GetFullPath(path), trigger);
        try
        {
            var text = PlanDocumentText.Read(path);
            var checksum = SourceFiles.Checksum(path);
            using var c = dialect.OpenReadWrite();
            using var tx = c.BeginTransaction();
            var catalog = Catalog.Load(dialect, c, tx);
            var result = new TargetExtractor(catalog).Extract(text, Path.GetFileName(path));
            var region = result.Header.Region;
            var divisions = new Divisions(catalog);
            // A division of China outside the seeds: add it (and its parents) so the plan's rows have a region.
            long Ensure(string code)
            {
                if (catalog.Regions.FirstOrDefault(r => r.RegionCode == code) is { RegionKey: > 0 } known) return known.RegionKey;
                foreach (var d in divisions.ByCode(code) is { } found ? divisions.Ancestors(found).Reverse().Append(found) : [])
                    ReferenceData.EnsureRegion(dialect, c, tx, new RegionSeed(d.Code, d.Name, d.Name, d.Level, d.ParentCode, ""));
                return ReferenceData.RegionKey(dialect, c, tx, code);
            }
            if (region.RegionKey == 0) region = region with { RegionKey = Ensure(region.RegionCode) };
            // A county row of a report's table is that county's figure.
            var regionKeys = result.Targets.Select(t => t.RegionCode).OfType<string>().Distinct().ToDictionary(code => code, Ensure);
            var sourceKey = SourceStore.Upsert(dialect, c, tx, Path.GetFileName(path), Path.GetFullPath(path), "plan", result.Header.Title,
                checksum, SourceFiles.Fingerprint(checksum, catalog));

            var before = TargetStore.Contents(dialect, c, tx, sourceKey);
            TargetStore.DeleteSource(dialect, c, tx, sourceKey);
            var file = Path.GetFileName(path);
            // Checked where facts are written, so whatever the extractor reads, year 2 or 9999 or an overflowed number never loads.
            var outOfRange = result.Targets.Where(t => !Periods.InRange(t.TargetYear) || !Periods.InRange(t.SpanStart) || !Periods.InRange(t.SpanEnd)
                || !Periods.IsStorable(t.Value)).ToList();
            TargetStore.Add(dialect, c, tx, sourceKey, batchId, result.Targets.Except(outOfRange).Select(t => new NewTarget(
                t.RegionCode is { } county ? regionKeys[county] : region.RegionKey, catalog.IndicatorByCode(t.IndicatorCode).IndicatorKey, t.Kind, t.Measure, t.Comparator, t.Value, t.TargetYear, t.SpanStart,
                t.SpanEnd, t.Evidence, t.Offset)));
            var after = TargetStore.Contents(dialect, c, tx, sourceKey);

            // A statistician finds a line, not a character offset.
            string Where(int offset) => $"line {text.AsSpan(0, Math.Clamp(offset, 0, text.Length)).Count('\n') + 1} (char {offset})";
            var rejects = result.Unknown
                .Select(u => new Reject(file, Where(u.Offset), $"unknown indicator: 未识别的指标“{u.Phrase}”（在 seeds/indicators.csv 中添加同义词后重新导入 / add a synonym and re-ingest）", u.Evidence))
                .Concat(outOfRange.Select(t => new Reject(file, Where(t.Offset), Periods.IsStorable(t.Value)
                    ? $"year out of range: 目标年份 {t.TargetYear}（{t.SpanStart}–{t.SpanEnd}）不在 {Periods.FirstYear}–{Periods.LastYear} 之内 / "
                        + $"outside {Periods.FirstYear}..{Periods.LastYear}"
                    : "bad value: 数值超出范围 / not a finite number", t.Evidence)))
                .ToList();
            BatchLog.WriteRejects(dialect, c, tx, batchId, rejects);
            var changed = before.Except(after).Count() + after.Except(before).Count();
            // Re-inserted targets lost their attainment rows (ON DELETE CASCADE): forecasts must be refreshed before the next briefing.
            if (changed > 0 || before.Count > 0)
                Freshness.MarkStale(dialect, c, tx, Freshness.Forecast, $"{Path.GetFileName(path)}: targets replaced ({changed} changed)");
            var loaded = result.Targets.Count - outOfRange.Count;
            var counts = new BatchCounts(loaded + rejects.Count, loaded, rejects.Count, changed,
                $"region {region.RegionCode}, plan {result.Header.StartYear}-{result.Header.EndYear}");
            BatchLog.Succeed(dialect, c, tx, batchId, counts);
            tx.Commit();
            return new LoadResult(path, "plan", batchId, true, counts.Read, counts.Loaded, counts.Rejected, changed, null);
        }
        catch (Exception ex)
        {
            // Any failure, foreseen or not, fails this document's batch with a message naming it; the run goes on.
            var file = Path.GetFileName(path);
            var message = ex.Message.Contains(file, StringComparison.Ordinal) ? ex.Message : $"{file}: {ex.Message}";
            log.Fail(batchId, message);
            return new LoadResult(path, "plan", batchId, false, 0, 0, 0, 0, message);
        }
    }

}
