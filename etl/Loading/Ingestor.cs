using Warehouse.Etl.Sources.PlanDocuments;
using Warehouse.Etl.Sources.Statistics;
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

    /// <summary>Whether a loader takes this file (the reference-data CSVs in seeds/ are loaded by init, not here).</summary>
    public static bool IsLoadable(string path)
    {
        if (Path.GetFileName(path) is "regions.csv" or "indicators.csv") return false;
        var ext = Path.GetExtension(path).ToLowerInvariant();
        return PlanDocumentText.Extensions.Contains(ext) || Sheets.Extensions.Contains(ext);
    }

    /// <summary>Loads one file.</summary>
    public LoadResult LoadFile(string path, string trigger = "cli") =>
        PlanDocumentText.Extensions.Contains(Path.GetExtension(path).ToLowerInvariant())
            ? new PlanLoader(dialect).Load(path, trigger)
            : new StatisticsLoader(dialect) { RowsRead = RowsRead }.Load(path, trigger);

    /// <summary>Loads every file under the paths; plans first, so baselines exist before statistics arrive.</summary>
    public IReadOnlyList<LoadResult> Ingest(IEnumerable<string> paths, string trigger = "cli", Action<LoadResult>? progress = null)
    {
        var results = new List<LoadResult>();
        foreach (var file in Expand(paths).OrderBy(f => Sheets.Extensions.Contains(Path.GetExtension(f).ToLowerInvariant()) ? 1 : 0))
        {
            var r = LoadFile(file, trigger);
            progress?.Invoke(r);
            results.Add(r);
        }
        return results;
    }
}
