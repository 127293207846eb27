using Warehouse.Store;
using Warehouse.Store.Engine;

namespace Warehouse.Tests;

/// <summary>A real SQLite file in a fresh temporary folder, migrated and loaded with the shipped reference data.</summary>
public sealed class TempWarehouse : IDisposable
{
    /// <summary>The repository root (holds Warehouse.sln and seeds/).</summary>
    public static readonly string RepoRoot = FindRoot();

    /// <summary>The shipped seeds folder.</summary>
    public static string SeedsDir => Path.Combine(RepoRoot, "seeds");

    public string Dir { get; } = Path.Combine(Path.GetTempPath(), "wh-test-" + Guid.NewGuid().ToString("N")[..12]);

    public SqliteDialect Dialect { get; }

    public TempWarehouse(bool init = true)
    {
        Directory.CreateDirectory(Dir);
        Dialect = new SqliteDialect(Path.Combine(Dir, "warehouse.db"));
        if (init)
        {
            new Migrator(Dialect).Migrate();
            ReferenceData.Load(Dialect, SeedsDir);
        }
    }

    /// <summary>A file path inside the temporary folder.</summary>
    public string PathOf(string name) => Path.Combine(Dir, name);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(Dir, recursive: true); } catch (IOException) { }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Warehouse.sln"))) return dir.FullName;
        throw new InvalidOperationException("Warehouse.sln not found above " + AppContext.BaseDirectory);
    }
}
