using System.Diagnostics;

namespace Warehouse.Cli;

/// <summary>Peak resident memory (Linux VmHWM), for the benchmark: this process's, reset before a measured step, and a child's.</summary>
public static class PeakMemory
{
    /// <summary>Resets this process's peak to its current size (Linux: writing 5 to clear_refs) and returns the size before.</summary>
    public static long? Reset()
    {
        var before = Read(Environment.ProcessId, "VmRSS:");
        try { File.WriteAllText("/proc/self/clear_refs", "5"); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { }
        return before;
    }

    /// <summary>This process's peak resident memory since the last <see cref="Reset"/> (or since start).</summary>
    public static long? OfThisProcess() => Read(Environment.ProcessId, "VmHWM:") ?? Process.GetCurrentProcess().PeakWorkingSet64;

    /// <summary>Waits for a child process, sampling its peak resident memory; returns the last peak seen.</summary>
    public static long? Watch(Process p)
    {
        long? peak = null;
        while (!p.WaitForExit(20)) peak = Read(p.Id, "VmHWM:") ?? peak;
        return peak;
    }

    private static long? Read(int pid, string field)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
            var kb = line?.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
            return kb != null && long.TryParse(kb, out var k) ? k * 1024 : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
