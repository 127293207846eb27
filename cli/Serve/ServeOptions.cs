using Cronos;
using Microsoft.Extensions.Configuration;

namespace Warehouse.Cli.Serve;

/// <summary>The server's settings (section "Warehouse" of appsettings.json; environment variables such as
/// Warehouse__Schedules__ingest override them).</summary>
public sealed record ServeOptions(string Inbox, string BriefingsDir, string? AccessToken, TimeZoneInfo TimeZone,
    IReadOnlyDictionary<string, string> Schedules)
{
    /// <summary>The jobs, in chain order.</summary>
    public static readonly string[] Jobs = ["ingest", "forecast", "briefing"];

    /// <summary>How often a node looks for scheduled and retried jobs that are due (Warehouse:Scheduler:PollSeconds).</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>First wait before retrying a transient failure; each later retry waits three times longer
    /// (Warehouse:Scheduler:RetrySeconds).</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Whether every briefing is delivered, including those an ingest chain writes when data changed
    /// (Warehouse:Delivery:After = every-briefing, the default), or only scheduled and manual ones (scheduled-briefing).</summary>
    public bool DeliverAfterEveryBriefing { get; init; } = true;

    /// <summary>Reads and validates the settings; a bad cron expression or time zone stops the server with a clear message.</summary>
    public static ServeOptions From(IConfiguration config, string root)
    {
        var s = config.GetSection("Warehouse");
        var tzName = s["TimeZone"] ?? "Asia/Shanghai";
        TimeZoneInfo tz;
        try { tz = TimeZoneInfo.FindSystemTimeZoneById(tzName); }
        catch (TimeZoneNotFoundException) { throw new InvalidOperationException($"未知时区 / unknown time zone in Warehouse:TimeZone: '{tzName}'"); }
        // A misspelt job name (Warehouse__Schedules__ingets) would leave the real job on its shipped schedule without a word.
        foreach (var key in s.GetSection("Schedules").GetChildren().Select(c => c.Key))
            if (!Jobs.Contains(key, StringComparer.OrdinalIgnoreCase))
                throw new InvalidOperationException($"未知作业 / unknown job '{key}' in Warehouse:Schedules:{key}; the jobs are {string.Join(", ", Jobs)}");
        var schedules = new Dictionary<string, string>();
        foreach (var job in Jobs)
        {
            var cron = s[$"Schedules:{job}"]?.Trim() ?? "";
            if (cron.Length > 0 && ParseCron(cron) == null)
                throw new InvalidOperationException($"无效的 cron 表达式 / invalid cron expression for job '{job}' (Warehouse:Schedules:{job}): "
                    + $"'{cron}'. 5 fields: minute hour day-of-month month day-of-week, e.g. '*/15 * * * *' (every 15 minutes) or "
                    + "'0 8 1 * *' (08:00 on the 1st of each month); 6 fields put seconds first. An empty value means on demand only.");
            schedules[job] = cron;
        }
        var token = s["AccessToken"];
        return new ServeOptions(Full(root, s["Inbox"] ?? "data/inbox"), BriefingsDirOf(config, root),
            string.IsNullOrWhiteSpace(token) ? null : token, tz, schedules)
        {
            PollInterval = Seconds(s, "Scheduler:PollSeconds", 5),
            RetryDelay = RetryDelayOf(config),
            DeliverAfterEveryBriefing = (s["Delivery:After"] ?? "every-briefing").Trim() switch
            {
                "" or "every-briefing" => true,
                "scheduled-briefing" => false,
                var v => throw new InvalidOperationException($"Warehouse:Delivery:After 应为 every-briefing 或 scheduled-briefing / "
                    + $"must be every-briefing or scheduled-briefing: '{v}'"),
            },
        };
    }

    /// <summary>Where briefings are written (Warehouse:BriefingsDir, default out; relative paths under the repository root).</summary>
    public static string BriefingsDirOf(IConfiguration config, string root) => Full(root, config["Warehouse:BriefingsDir"] ?? "out");

    /// <summary>First wait before retrying a transient failure (Warehouse:Scheduler:RetrySeconds, default 5).</summary>
    public static TimeSpan RetryDelayOf(IConfiguration config) => Seconds(config.GetSection("Warehouse"), "Scheduler:RetrySeconds", 5);

    private static string Full(string root, string path) => Path.IsPathRooted(path) ? path : Path.Combine(root, path);

    /// <summary>A cron expression as Hangfire reads it (5 fields, or 6 with seconds first), or null when it is not one.</summary>
    public static CronExpression? ParseCron(string cron)
    {
        var fields = cron.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        if (fields is not (5 or 6)) return null;
        try { return CronExpression.Parse(cron, fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard); }
        catch (CronFormatException) { return null; }
    }

    private static TimeSpan Seconds(IConfiguration s, string key, double fallback)
    {
        var text = s[key];
        if (string.IsNullOrWhiteSpace(text)) return TimeSpan.FromSeconds(fallback);
        if (!double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v) || v <= 0 || v > 3600)
            throw new InvalidOperationException($"Warehouse:{key} 应为 0–3600 之间的秒数 / must be a number of seconds between 0 and 3600: '{text}'");
        return TimeSpan.FromSeconds(v);
    }
}
