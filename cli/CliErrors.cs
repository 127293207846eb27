using System.Runtime.InteropServices;
using Warehouse.Store;
using Warehouse.Store.Engine;

namespace Warehouse.Cli;

/// <summary>Turns any exception that reaches the top of the CLI into one line on standard error and an exit code:
/// 2 for the user's input (a wrong path, an unreadable or foreign --db, a refused query), 1 for work that failed.
/// No stack trace reaches a user; set WAREHOUSE_DEBUG=1 to see one.</summary>
public static class CliErrors
{
    /// <summary>Exit code for a usage error.</summary>
    public const int Usage = 2;

    /// <summary>Exit code for work that failed or was rejected.</summary>
    public const int Failed = 1;

    /// <summary>Prints the error and returns the exit code; <paramref name="dialect"/> names its engine's own errors.</summary>
    public static int Report(Exception ex, SqlDialect? dialect = null)
    {
        var (code, message) = Describe(ex, dialect);
        Console.Error.WriteLine($"error: {OneLine(message)}");
        if (Environment.GetEnvironmentVariable("WAREHOUSE_DEBUG") == "1") Console.Error.WriteLine(ex);
        return code;
    }

    /// <summary>The exit code and message for an exception; the engine describes its own errors (cannot open, locked, read-only).</summary>
    public static (int Code, string Message) Describe(Exception ex, SqlDialect? dialect = null) => ex switch
    {
        QueryRefusedException q => (q.ExitCode, q.Message),
        FileNotFoundException or DirectoryNotFoundException => (Usage, ex.Message),
        UnauthorizedAccessException => (Usage, $"权限不足 / permission denied: {ex.Message}"),
        _ when dialect?.Describe(ex) is { } own => (own.Usage ? Usage : Failed, own.Message),
        ArgumentException => (Usage, ex.Message),
        OperationCanceledException => (Failed, "已取消 / cancelled"),
        AggregateException { InnerException: { } inner } => Describe(inner, dialect),
        _ => (Failed, $"{ex.Message} ({ex.GetType().Name})"),
    };

    /// <summary>The text on one line, runs of white space folded.</summary>
    public static string OneLine(string s) => System.Text.RegularExpressions.Regex.Replace(s, @"\s+", " ").Trim();

    /// <summary>Prints the error and ends the process at once with this exit code. Environment.Exit, and even Console.Error, would
    /// wait on the lock held by a write to standard output that blocks on a full pipe — the very write that made the deadline pass.</summary>
    public static void ExitNow(int code, string message)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes($"error: {OneLine(message)}\n");
        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())
        {
            using (var stderr = new FileStream(new Microsoft.Win32.SafeHandles.SafeFileHandle(2, ownsHandle: false), FileAccess.Write, 1))
                stderr.Write(bytes);
            ImmediateExit(code);
        }
        Console.Error.Write(System.Text.Encoding.UTF8.GetString(bytes));
        Environment.Exit(code);
    }

#pragma warning disable SYSLIB1054 // LibraryImport would need unsafe code for one call that never returns
    [DllImport("libc", EntryPoint = "_exit")]
    private static extern void ImmediateExit(int status);
#pragma warning restore SYSLIB1054
}
