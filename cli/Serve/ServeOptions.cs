using Microsoft.Extensions.Configuration;
using Quartz;

namespace Warehouse.Cli.Serve;

/// <summary>The server's settings (section "Warehouse" of appsettings.json; environment variables such as
/// Warehouse__Schedules__ingest override them).</summary>
public sealed record ServeOptions(string Inbox, string BriefingsDir, string? AccessToken, TimeZoneInfo TimeZone, IReadOnlyDictionary<string, string> Schedules)
{
    /// <summary>The jobs, in chain order.</summary>
    public static readonly string[] Jobs = ["ingest", "forecast", "briefing"];

    /// <summary>Reads and validates the settings; a bad cron expression or time zone stops the server with a clear message.</summary>
    public static ServeOptions From(IConfiguration config, string root)
    {
        var s = config.GetSection("Warehouse");
        var tzName = s["TimeZone"] ?? "Asia/Shanghai";
        TimeZoneInfo tz;
        try { tz = TimeZoneInfo.FindSystemTimeZoneById(tzName); }
        catch (TimeZoneNotFoundException) { throw new InvalidOperationException($"未知时区 / unknown time zone in Warehouse:TimeZone: '{tzName}'"); }
        var schedules = new Dictionary<string, string>();
        foreach (var job in Jobs)
        {
            var cron = s[$"Schedules:{job}"]?.Trim() ?? "";
            if (cron.Length > 0 && !IsValidCron(cron))
                throw new InvalidOperationException($"无效的 cron 表达式 / invalid cron expression for job '{job}' (Warehouse:Schedules:{job}): '{cron}'. "
                    + "Quartz cron has 6–7 fields: second minute hour day-of-month month day-of-week [year], e.g. '0 0/15 * * * ?'");
            schedules[job] = cron;
        }
        static bool IsValidCron(string cron) => CronExpression.TryParse(cron, out _);
        string Full(string p) => Path.IsPathRooted(p) ? p : Path.Combine(root, p);
        var token = s["AccessToken"];
        return new ServeOptions(Full(s["Inbox"] ?? "data/inbox"), Full(s["BriefingsDir"] ?? "out"), string.IsNullOrWhiteSpace(token) ? null : token, tz, schedules);
    }
}
