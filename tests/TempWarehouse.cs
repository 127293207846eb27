using Warehouse.Store;
using Warehouse.Store.Engine;

namespace Warehouse.Tests;

/// <summary>A fresh warehouse on one engine, migrated and loaded with the shipped reference data: a SQLite file in a
/// temporary folder, or a new database <c>w_&lt;guid&gt;</c> in the test process's private PostgreSQL cluster.</summary>
public sealed class TempWarehouse : IDisposable
{
    /// <summary>The repository root (holds Warehouse.sln and seeds/).</summary>
    public static readonly string RepoRoot = FindRoot();

    /// <summary>The shipped seeds folder.</summary>
    public static string SeedsDir => Path.Combine(RepoRoot, "seeds");

    /// <summary>Engines an engine-parameterised test runs on (<c>[MemberData(nameof(TempWarehouse.Engines), MemberType = …)]</c>):
    /// SQLite always, PostgreSQL unless <c>WAREHOUSE_TEST_POSTGRES=skip</c>.</summary>
    public static TheoryData<string> Engines =>
        PostgresCluster.Skipped ? new TheoryData<string> { "sqlite" } : new TheoryData<string> { "sqlite", "postgres" };

    /// <summary>Every engine of <see cref="Engines"/> with every one of <paramref name="values"/>: theory data for a test that
    /// also takes a value (<c>(string engine, T value)</c>).</summary>
    public static TheoryData<string, T> EnginesTimes<T>(params T[] values)
    {
        var data = new TheoryData<string, T>();
        foreach (var engine in Engines)
            foreach (var v in values) data.Add(engine, v);
        return data;
    }

    /// <summary>A temporary folder for the test's files (and the SQLite database).</summary>
    public string Dir { get; } = Path.Combine(Path.GetTempPath(), "wh-test-" + Guid.NewGuid().ToString("N")[..12]);

    /// <summary>The engine: <c>sqlite</c> or <c>postgres</c>.</summary>
    public string Engine { get; }

    /// <summary>The warehouse's engine.</summary>
    public SqlDialect Dialect { get; }

    /// <summary>The SQLite engine, for tests of the SQLite path (fails on another engine).</summary>
    public SqliteDialect Sqlite => Dialect as SqliteDialect ?? throw new InvalidOperationException($"not a SQLite warehouse ({Engine})");

    /// <summary>The PostgreSQL database's name (null on SQLite).</summary>
    public string? Database { get; }

    /// <summary>The <c>--db</c> value for the CLI: the file path, or the <c>postgresql://</c> address.</summary>
    public string Db { get; }

    /// <summary>Creates the warehouse; <paramref name="init"/> migrates it and loads the reference data.</summary>
    public TempWarehouse(bool init = true, string engine = "sqlite", string? addressOptions = null)
    {
        Directory.CreateDirectory(Dir);
        Engine = engine;
        switch (engine)
        {
            case "sqlite":
                Db = Path.Combine(Dir, "warehouse.db");
                break;
            case "postgres":
                Database = PostgresCluster.Shared.CreateDatabase();
                Db = PostgresCluster.Shared.Address(Database, addressOptions);
                break;
            default:
                throw new ArgumentException($"unknown test engine {engine}", nameof(engine));
        }
        Dialect = SqlDialect.Open(Db);
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
        if (Database != null) PostgresCluster.Shared.DropDatabase(Database);
        else Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(Dir, recursive: true); } catch (IOException) { }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Warehouse.sln"))) return dir.FullName;
        throw new InvalidOperationException("Warehouse.sln not found above " + AppContext.BaseDirectory);
    }
}
