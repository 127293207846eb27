using System.Diagnostics;
using System.Text;

namespace Warehouse.Tests;

/// <summary>Runs the real CLI (warehouse.dll, built next to the tests) as a child process.</summary>
public static class CliProcess
{
    /// <summary>What a run printed and returned.</summary>
    public sealed record Outcome(int ExitCode, string Stdout, string Stderr, TimeSpan Elapsed);

    /// <summary>Starts the CLI with these arguments; the caller owns the process.</summary>
    public static Process Start(IEnumerable<string> args, bool redirectStdout = true, Dictionary<string, string>? environment = null)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = redirectStdout,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "warehouse.dll"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["WAREHOUSE_HOME"] = TempWarehouse.RepoRoot;
        psi.Environment.Remove("WAREHOUSE_DEBUG");
        foreach (var (k, v) in environment ?? []) psi.Environment[k] = v;
        return Process.Start(psi)!;
    }

    /// <summary>Runs to the end and collects both streams.</summary>
    public static Outcome Run(params string[] args)
    {
        var sw = Stopwatch.StartNew();
        using var p = Start(args);
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(2))) { p.Kill(true); throw new TimeoutException("warehouse " + string.Join(' ', args)); }
        return new Outcome(p.ExitCode, stdout.Result, stderr.Result, sw.Elapsed);
    }

    /// <summary>No .NET stack trace in the text ("   at Namespace.Type.Method(").</summary>
    public static void AssertNoStackTrace(string text) =>
        Assert.DoesNotMatch(@"(?m)^\s+at \S+\(|Unhandled exception", text);
}
