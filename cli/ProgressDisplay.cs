using System.Diagnostics;
using Spectre.Console;

namespace Warehouse.Cli;

/// <summary>One line of progress: what is being done and how far along it is.</summary>
public interface IProgressLine
{
    /// <summary>Sets the position (and the total, when it is known or changes); a null total means "unknown, just count".</summary>
    void Report(double value, double? total = null, string? description = null);
}

/// <summary>Progress for long work: a Spectre.Console progress display on a terminal, and plain lines on standard error when output
/// is redirected (a log file or a pipe must not fill with redraw codes, and standard output stays clean for CSV).</summary>
public static class ProgressDisplay
{
    /// <summary>Seconds between plain progress lines.</summary>
    private static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(2);

    /// <summary>Whether a live display can be drawn: both streams on a terminal that redraws.</summary>
    public static bool Interactive => !Console.IsOutputRedirected && !Console.IsErrorRedirected && AnsiConsole.Profile.Capabilities.Interactive;

    /// <summary>Runs <paramref name="work"/> with one progress line titled <paramref name="title"/> and returns its result.</summary>
    public static T Run<T>(string title, Func<IProgressLine, T> work)
    {
        if (!Interactive)
        {
            var plain = new PlainLine(title);
            var result = work(plain);
            plain.Done();
            return result;
        }
        return AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask(Markup.Escape(title), maxValue: 1);
                task.IsIndeterminate = true;
                var result = work(new LiveLine(task, title));
                if (task.IsIndeterminate) { task.IsIndeterminate = false; task.MaxValue = 1; }
                task.Value = task.MaxValue;
                return result;
            });
    }

    private sealed class LiveLine(ProgressTask task, string title) : IProgressLine
    {
        public void Report(double value, double? total = null, string? description = null)
        {
            if (total is > 0)
            {
                task.IsIndeterminate = false;
                task.MaxValue = total.Value;
            }
            task.Value = Math.Min(value, task.MaxValue);
            if (description != null) task.Description = Markup.Escape($"{title}: {description}");
        }
    }

    private sealed class PlainLine(string title) : IProgressLine
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private TimeSpan _last = TimeSpan.Zero;
        private string _state = "";

        public void Report(double value, double? total = null, string? description = null)
        {
            _state = (total is > 0 ? $"{value:N0}/{total:N0}" : $"{value:N0}") + (description != null ? $" {description}" : "");
            if (_clock.Elapsed - _last < PlainInterval) return;
            _last = _clock.Elapsed;
            Console.Error.WriteLine($"[{_clock.Elapsed:hh\\:mm\\:ss}] {title}: {_state}");
        }

        public void Done() => Console.Error.WriteLine($"[{_clock.Elapsed:hh\\:mm\\:ss}] {title}: done{(_state.Length > 0 ? $" ({_state})" : "")}");
    }
}
