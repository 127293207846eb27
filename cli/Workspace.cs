using Warehouse.Reports.Pipeline;
using Warehouse.Store.Engine;

namespace Warehouse.Cli;

/// <summary>Where things are: the repository root (seeds, default paths) and the database.</summary>
public sealed record Workspace(string Root, SqlDialect Dialect)
{
    /// <summary>Reference data and shipped inputs.</summary>
    public string SeedsDir => Path.Combine(Root, "seeds");

    /// <summary>The pipeline on this database and seeds, watched by <paramref name="progress"/> (default: silently).</summary>
    public MainJob Pipeline(IPipelineProgress? progress = null) => new(Dialect, SeedsDir, progress);

    /// <summary>Resolves the database from --db, then WAREHOUSE_DB, then data/warehouse.db under the root: a file path (SQLite),
    /// a postgresql:// or sqlserver:// address, or a raw connection string with --engine (or WAREHOUSE_ENGINE).</summary>
    public static Workspace Resolve(string? db, string? engine = null)
    {
        var root = FindRoot();
        engine ??= Environment.GetEnvironmentVariable("WAREHOUSE_ENGINE");
        var address = db ?? Environment.GetEnvironmentVariable("WAREHOUSE_DB");
        if (address == null && engine is "postgres" or "sqlserver")
            throw new ArgumentException($"--engine {engine} 需要 --db / needs --db (or WAREHOUSE_DB) with the server's connection string");
        return new Workspace(root, SqlDialect.Open(address ?? Path.Combine(root, "data", "warehouse.db"), engine));
    }

    private static string FindRoot()
    {
        var env = Environment.GetEnvironmentVariable("WAREHOUSE_HOME");
        if (!string.IsNullOrEmpty(env)) return Path.GetFullPath(env);
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Warehouse.sln"))) return dir.FullName;
        }
        return Directory.GetCurrentDirectory();
    }
}
