using Warehouse.Etl.Sources.PlanDocuments;
using Warehouse.Etl.Sources.Statistics;
using Warehouse.Store;
using Warehouse.Store.Engine;

namespace Warehouse.Etl.Loading;

/// <summary>Takes files and folders (recursively) and sends each file to the loader for its kind: plan documents
/// (.txt, .docx) or statistics (.csv, .xlsx, .xls). Each file is its own batch; one failure does not stop the others.</summary>
public sealed class Ingestor(SqlDialect dialect)
{
    /// <summary>Called now and then with the rows read so far in the statistics file being loaded (progress displays).</summary>
    public Action<int>? RowsRead { get; init; }

    /// <summary>Files under these paths that a loader takes, in a stable order; README and notes files are left out.</summary>
    public static IReadOnlyList<string> Expand(IEnumerable<string> paths)
    {
        var files = new List<string>();
        foreach (var p in paths)
        {
            if (File.Exists(p)) files.Add(Path.GetFullPath(p));
            else if (Directory.Exists(p))
                files.AddRange(Directory.EnumerateFiles(p, "*", SearchOption.AllDirectories)
                    .Where(f => IsLoadable(f) && !Path.GetFileName(f).StartsWith("README", StringComparison.OrdinalIgnoreCase)
                        && !f.Split(Path.DirectorySeparatorChar).Any(part => part.StartsWith('.') || part is "processed" or "failed"))
                    .Select(Path.GetFullPath).Order(StringComparer.Ordinal));
            else throw new FileNotFoundException($"路径不存在 / no such file or folder: {p}", p);
        }
        return files.Distinct().ToList();
    }

    /// <summary>Whether a loader takes this file (the reference-data CSVs in seeds/ are loaded by init, and briefing.csv holds
    /// the briefing's presentation settings: none of them is data to ingest).</summary>
    public static bool IsLoadable(string path)
    {
        if (Path.GetFileName(path) is "regions.csv" or "indicators.csv" or "briefing.csv") return false;
        var ext = Path.GetExtension(path).ToLowerInvariant();
        return PlanDocumentText.Extensions.Contains(ext) || Sheets.Extensions.Contains(ext);
    }

    /// <summary>Loads one file, or skips it when it and the reference data are unchanged since its last successful load
    /// (no batch, no fact rows touched, no duplicate rejects); <paramref name="force"/> loads it anyway.</summary>
    public LoadResult LoadFile(string path, string trigger = "cli", bool force = false)
    {
        var isPlan = PlanDocumentText.Extensions.Contains(Path.GetExtension(path).ToLowerInvariant());
        if (!force && StandingRejectsIfUnchanged(path) is { } standing)
            return new LoadResult(path, isPlan ? "plan" : StatisticsLoader.KindOf(path), 0, true, 0, 0, 0, 0, null, Unchanged: true,
                StandingRejects: standing);
        return isPlan ? new PlanLoader(dialect).Load(path, trigger) : new StatisticsLoader(dialect) { RowsRead = RowsRead }.Load(path, trigger);
    }

    /// <summary>Loads every file under the paths; plans first, so baselines exist before statistics arrive. When
    /// <paramref name="recordUnchanged"/> is set, the files skipped as unchanged are recorded as one <c>skipped</c> batch.</summary>
    public IReadOnlyList<LoadResult> Ingest(IEnumerable<string> paths, string trigger = "cli", Action<LoadResult>? progress = null,
        bool force = false, bool recordUnchanged = true)
    {
        var results = new List<LoadResult>();
        foreach (var file in Expand(paths).OrderBy(f => Sheets.Extensions.Contains(Path.GetExtension(f).ToLowerInvariant()) ? 1 : 0))
        {
            var r = LoadFile(file, trigger, force);
            progress?.Invoke(r);
            results.Add(r);
        }
        if (recordUnchanged) RecordUnchanged(results, trigger);
        return results;
    }

    /// <summary>Writes one <c>skipped</c> batch naming the files a run left alone because they were unchanged.</summary>
    public void RecordUnchanged(IReadOnlyList<LoadResult> results, string trigger)
    {
        var unchanged = results.Where(r => r.Unchanged).Select(r => Path.GetFileName(r.File)).ToList();
        if (unchanged.Count == 0) return;
        new BatchLog(dialect).Skipped("ingest-unchanged", trigger, unchanged.Count, Describe(unchanged));
    }

    /// <summary>"N 个文件未变化 / N files unchanged: a, b, …" (at most 20 names).</summary>
    public static string Describe(IReadOnlyList<string> unchanged) =>
        $"{unchanged.Count} 个文件未变化 / {unchanged.Count} files unchanged since their last load: "
        + string.Join(", ", unchanged.Take(20)) + (unchanged.Count > 20 ? $", … {unchanged.Count - 20} more" : "");

    /// <summary>For a file unchanged since its last load, the rows that load rejected (still standing); null when it changed.</summary>
    private int? StandingRejectsIfUnchanged(string path)
    {
        try
        {
            using var c = dialect.OpenReadOnly();
            var catalog = Catalog.Load(dialect, c);
            var name = Path.GetFileName(path);
            return SourceStore.IsUnchanged(dialect, c, name, SourceFiles.Fingerprint(SourceFiles.Checksum(path), catalog))
                ? SourceStore.StandingRejects(dialect, c, name)
                : null;
        }
        catch (IOException) { return null; } // unreadable now: let the loader report it against the file
    }
}
