using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Warehouse.Tests;

/// <summary>A private PostgreSQL cluster for the test process: <c>initdb</c> in a temporary folder (as the <c>postgres</c>
/// OS user when the tests run as root, since the server refuses to run as root), trust authentication on 127.0.0.1 only,
/// a free loopback port. One per process, started on first use; each test gets its own database.</summary>
/// <remarks>Stopped and deleted when the process exits. A cluster left behind by a killed test run is found by its owner
/// file (the dead test process's id) and removed the next time a cluster starts.</remarks>
public sealed class PostgresCluster : IDisposable
{
    /// <summary>Set to <c>skip</c> to skip the PostgreSQL tests on a machine without PostgreSQL (CI never sets it).</summary>
    public const string SkipVariable = "WAREHOUSE_TEST_POSTGRES";

    private const string FolderPrefix = "wh-pg-";
    private static readonly Lazy<PostgresCluster> Instance = new(() => new PostgresCluster(), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Whether the PostgreSQL tests are switched off (<c>WAREHOUSE_TEST_POSTGRES=skip</c>).</summary>
    public static bool Skipped => string.Equals(Environment.GetEnvironmentVariable(SkipVariable), "skip", StringComparison.OrdinalIgnoreCase);

    /// <summary>The process-wide cluster, started on first use.</summary>
    public static PostgresCluster Shared => Instance.Value;

    /// <summary>Folder holding the data directory, the socket and the server log.</summary>
    public string Dir { get; }

    /// <summary>The loopback port the server listens on.</summary>
    public int Port { get; private set; }

    /// <summary>The superuser the cluster was initialised with.</summary>
    public const string User = "postgres";

    private readonly string bin;
    private readonly bool asPostgresUser = Environment.UserName == "root";
    private int stopped;

    private PostgresCluster()
    {
        bin = FindBinaries() ?? throw new InvalidOperationException(
            "PostgreSQL binaries (initdb, pg_ctl) not found: run `bin/setup --test` (installs Debian's postgresql), "
            + $"or set {SkipVariable}=skip to skip the PostgreSQL tests");
        RemoveAbandoned();
        Dir = Path.Combine(Path.GetTempPath(), FolderPrefix + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Dir);
        File.WriteAllText(Path.Combine(Dir, "owner.pid"), Environment.ProcessId.ToString());
        if (asPostgresUser) Run("chown", ["-R", User, Dir], asOwner: false);
        Run(Path.Combine(bin, "initdb"), ["-D", DataDir, "-U", User, "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Dispose();
        Start();
        StartReaper();
    }

    /// <summary>A detached shell that waits for this process to end, then stops the server and deletes the folder: the test
    /// runner may kill the test host before (or while) its exit handler runs, and a killed run must not leave a server behind.</summary>
    private void StartReaper()
    {
        var stop = $"{(asPostgresUser ? $"runuser -u {User} -- " : "")}{Path.Combine(bin, "pg_ctl")} -D {DataDir} -m immediate -w stop";
        var watch = $"while kill -0 {Environment.ProcessId} 2>/dev/null; do sleep 1; done; {stop} >/dev/null 2>&1; rm -rf {Dir}";
        // Started through a shell that exits at once, so the watcher is no child of ours (killing our process tree spares it).
        var psi = new ProcessStartInfo("sh") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add($"setsid sh -c '{watch}' >/dev/null 2>&1 </dev/null &");
        using var p = Process.Start(psi)!;
        p.WaitForExit(TimeSpan.FromSeconds(10));
    }

    private string DataDir => Path.Combine(Dir, "data");

    /// <summary>Connection settings for a database of this cluster as the superuser.</summary>
    public NpgsqlConnectionStringBuilder ConnectionFor(string database) => new()
    {
        Host = "127.0.0.1", Port = Port, Username = User, Database = database, Timeout = 30, CommandTimeout = 120,
    };

    /// <summary>The <c>postgresql://</c> address of a database of this cluster (for <c>--db</c>), with extra query options.</summary>
    public string Address(string database, string? query = null) =>
        $"postgresql://{User}@127.0.0.1:{Port}/{database}" + (query != null ? "?" + query : "");

    /// <summary>Creates an empty database <c>w_&lt;guid&gt;</c> and returns its name.</summary>
    public string CreateDatabase()
    {
        var name = "w_" + Guid.NewGuid().ToString("N");
        Admin($"CREATE DATABASE {name}");
        return name;
    }

    /// <summary>Drops a database created by <see cref="CreateDatabase"/>, closing whatever connections it still has.</summary>
    public void DropDatabase(string name)
    {
        using (var c = new NpgsqlConnection(ConnectionFor(name).ConnectionString)) NpgsqlConnection.ClearPool(c);
        Admin($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
    }

    /// <summary>Runs a statement on the maintenance database as the superuser.</summary>
    public void Admin(string sql)
    {
        var b = ConnectionFor("postgres");
        b.Pooling = false;
        using var c = new NpgsqlConnection(b.ConnectionString);
        c.Open();
        using var cmd = new NpgsqlCommand(sql, c);
        cmd.ExecuteNonQuery();
    }

    /// <summary>Stops the server and deletes the folder.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref stopped, 1) == 1) return;
        NpgsqlConnection.ClearAllPools();
        try { Run(Path.Combine(bin, "pg_ctl"), ["-D", DataDir, "-m", "immediate", "-w", "stop"]); } catch (Exception) { }
        try { Directory.Delete(Dir, recursive: true); } catch (Exception) { }
    }

    private void Start()
    {
        // A free port can be taken between asking and binding (other engineers' clusters on the same machine): try a few.
        for (var attempt = 1; ; attempt++)
        {
            Port = FreePort();
            var options = $"-p {Port} -c listen_addresses=127.0.0.1 -k {Dir} -c fsync=off -c synchronous_commit=off "
                + "-c full_page_writes=off -c shared_buffers=32MB -c max_connections=200";
            try
            {
                Run(Path.Combine(bin, "pg_ctl"),
                    ["-D", DataDir, "-o", options, "-l", Path.Combine(Dir, "server.log"), "-w", "-t", "60", "start"]);
                return;
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
            }
            catch (InvalidOperationException e)
            {
                var log = File.Exists(Path.Combine(Dir, "server.log")) ? File.ReadAllText(Path.Combine(Dir, "server.log")) : "";
                throw new InvalidOperationException($"{e.Message}\n{log}", e);
            }
        }
    }

    private static int FreePort()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    /// <summary>initdb and pg_ctl: <c>WAREHOUSE_TEST_PG_BIN</c> alone when set, else Debian's newest <c>/usr/lib/postgresql/N/bin</c>, else PATH.</summary>
    private static string? FindBinaries()
    {
        var candidates = new List<string>();
        if (Environment.GetEnvironmentVariable("WAREHOUSE_TEST_PG_BIN") is { Length: > 0 } env) candidates.Add(env); // exclusive
        else
        {
            if (Directory.Exists("/usr/lib/postgresql"))
                candidates.AddRange(Directory.GetDirectories("/usr/lib/postgresql")
                    .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
                    .Select(d => Path.Combine(d, "bin")));
            candidates.AddRange((Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries));
        }
        return candidates.FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")));
    }

    /// <summary>Stops and deletes clusters whose test process is gone (a run killed before its exit handler ran).</summary>
    private void RemoveAbandoned()
    {
        foreach (var dir in Directory.GetDirectories(Path.GetTempPath(), FolderPrefix + "*"))
        {
            var owner = Path.Combine(dir, "owner.pid");
            if (!File.Exists(owner) || !int.TryParse(File.ReadAllText(owner), out var pid) || Alive(pid)) continue;
            try
            {
                if (File.Exists(Path.Combine(dir, "data", "postmaster.pid")))
                    Run(Path.Combine(bin, "pg_ctl"), ["-D", Path.Combine(dir, "data"), "-m", "immediate", "-w", "stop"]);
            }
            catch (InvalidOperationException) { }
            try { Directory.Delete(dir, recursive: true); } catch (Exception) { }
        }
    }

    private static bool Alive(int pid)
    {
        try { using var p = Process.GetProcessById(pid); return !p.HasExited; }
        catch (ArgumentException) { return false; }
    }

    private void Run(string program, IReadOnlyList<string> args, bool asOwner = true)
    {
        var psi = new ProcessStartInfo(asOwner && asPostgresUser ? "runuser" : program)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        if (asOwner && asPostgresUser)
            foreach (var a in new[] { "-u", User, "--", program }) psi.ArgumentList.Add(a);
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(2))) { p.Kill(true); throw new InvalidOperationException($"{program} timed out"); }
        if (p.ExitCode != 0)
            throw new InvalidOperationException(
                $"{Path.GetFileName(program)} {string.Join(' ', args)} exited {p.ExitCode}: {stderr.Result}{stdout.Result}");
    }
}

/// <summary>A fact that needs PostgreSQL: skipped only when <c>WAREHOUSE_TEST_POSTGRES=skip</c>; without PostgreSQL it fails
/// and says to run <c>bin/setup --test</c>.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    /// <summary>Sets Skip from the environment.</summary>
    public PostgresFactAttribute()
    {
        if (PostgresCluster.Skipped) Skip = $"{PostgresCluster.SkipVariable}=skip";
    }
}

/// <summary>A theory that needs PostgreSQL; see <see cref="PostgresFactAttribute"/>.</summary>
public sealed class PostgresTheoryAttribute : TheoryAttribute
{
    /// <summary>Sets Skip from the environment.</summary>
    public PostgresTheoryAttribute()
    {
        if (PostgresCluster.Skipped) Skip = $"{PostgresCluster.SkipVariable}=skip";
    }
}
