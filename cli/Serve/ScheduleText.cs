using System.Globalization;

namespace Warehouse.Cli.Serve;

/// <summary>Cron expressions as Chinese a statistician reads (每月1日 08:00), for the dashboard and <c>/api/jobs</c>.</summary>
/// <remarks>Only shapes understood exactly are described; anything else comes back as the expression itself, because a
/// wrong description is worse than none. Accepted: what Hangfire (Cronos) reads: 5 fields (minute hour day month weekday,
/// 0 and 7 = Sunday), 6 fields (seconds first, same numbering) and the macros @hourly, @daily, @weekly, @monthly, @yearly.
/// L, W, #, C and H are refused, and so is a day of month and weekday both restricted (schedulers disagree on it).</remarks>
public static class ScheduleText
{
    /// <summary>Text for an empty schedule: the job runs when triggered or chained.</summary>
    public const string OnDemand = "按需运行（未排定）";

    private static readonly string[] WeekdayNames = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];
    private static readonly string[] MonthNames = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
    private static readonly string[] WeekdayChinese = ["日", "一", "二", "三", "四", "五", "六"];
    private static readonly int[] MonthDays = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

    /// <summary>Readable Chinese for <paramref name="cron"/>, or the trimmed expression itself when it cannot be said exactly.</summary>
    public static string Describe(string? cron) => TryDescribe(cron, out var text) ? text : (cron ?? "").Trim();

    /// <summary>True with the Chinese text when the expression has a shape described exactly; false otherwise.</summary>
    public static bool TryDescribe(string? cron, out string text)
    {
        text = "";
        if (string.IsNullOrWhiteSpace(cron)) { text = OnDemand; return true; }
        // Cronos' (and Vixie cron's) macros; Quartz has none, so they mean one thing.
        var macro = cron.Trim().ToLowerInvariant() switch
        {
            "@every_minute" => "* * * * *", "@hourly" => "0 * * * *", "@daily" or "@midnight" => "0 0 * * *",
            "@weekly" => "0 0 * * 0", "@monthly" => "0 0 1 * *", "@yearly" or "@annually" => "0 0 1 1 *", _ => null,
        };
        if (macro != null) return TryDescribe(macro, out text);
        var f = cron.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (f.Length is < 5 or > 6) return false; // Quartz's 7th field (year) is refused at start: Hangfire has none
        var withSeconds = f.Length >= 6;
        var o = withSeconds ? 1 : 0;
        var seconds = withSeconds ? Field(f[0], 0, 59, null) : [0];
        var minutes = Field(f[o], 0, 59, null);
        var hours = Field(f[o + 1], 0, 23, null);
        var domAny = f[o + 2] is "*" or "?";
        var dowAny = f[o + 4] is "*" or "?";
        if (!domAny && !dowAny) return false;
        if (f[o + 2] == "?" && f[o + 4] == "?") return false;
        var days = domAny ? null : Field(f[o + 2], 1, 31, null);
        var months = Field(f[o + 3], 1, 12, MonthNames);
        SortedSet<int>? weekdays = null;
        if (!dowAny)
        {
            weekdays = Field(f[o + 4], 0, 7, WeekdayNames);
            if (weekdays != null && weekdays.Remove(7)) weekdays.Add(0);
        }
        if (seconds == null || minutes == null || hours == null || months == null
            || (!domAny && days == null) || (!dowAny && weekdays == null))
            return false;
        var everyDay = domAny && (weekdays == null || weekdays.Count == 7) && months.Count == 12;

        // Intervals within the day: every N minutes, every hour at a minute, every N hours.
        if (everyDay && seconds.SetEquals([0]))
        {
            if (hours.Count == 24)
            {
                if (minutes.Count == 60) { text = "每分钟"; return true; }
                if (Uniform(minutes, 60) is { } m) { text = m.Start == 0 ? $"每{m.Step}分钟" : $"每小时第{List(minutes)}分"; return true; }
                if (minutes.Count == 1) { text = minutes.Min == 0 ? "每小时整点" : $"每小时第{minutes.Min}分"; return true; }
                if (minutes.Count <= 6) { text = $"每小时第{List(minutes)}分"; return true; }
                return false;
            }
            if (minutes.Count == 1 && Uniform(hours, 24) is { Start: 0 } h)
            {
                text = minutes.Min == 0 ? $"每{h.Step}小时整点" : $"每{h.Step}小时的第{minutes.Min}分";
                return true;
            }
        }

        // Fixed times of day on some days: at most six times, each said in full.
        if (seconds.Count != 1 || minutes.Count * hours.Count > 6) return false;
        var showSeconds = seconds.Min != 0;
        var times = string.Join("、", hours.SelectMany(hh => minutes.Select(mm => (hh, mm))).Order()
            .Select(t => showSeconds ? $"{t.hh:00}:{t.mm:00}:{seconds.Min:00}" : $"{t.hh:00}:{t.mm:00}"));
        if (everyDay) { text = $"每天 {times}"; return true; }
        if (domAny && weekdays != null && months.Count == 12) { text = $"每{Weekdays(weekdays)} {times}"; return true; }
        if (days != null && months.Count == 12) { text = $"每月{Runs(days, d => $"{d}日")} {times}"; return true; }
        if (days != null)
        {
            // A day some chosen month lacks (2月30日) would be described as a date that never comes.
            if (months.Any(mo => days.Max > MonthDays[mo - 1])) return false;
            text = $"每年{Runs(months, mo => $"{mo}月")}{Runs(days, d => $"{d}日")} {times}";
            return true;
        }
        if (domAny && weekdays == null) { text = $"每年{Runs(months, mo => $"{mo}月")}每天 {times}"; return true; }
        return false;
    }

    /// <summary>The values of one field, or null when it uses anything beyond numbers, names, *, ranges, lists and steps.</summary>
    private static SortedSet<int>? Field(string field, int min, int max, string[]? names)
    {
        var set = new SortedSet<int>();
        foreach (var part in field.Split(','))
        {
            var slash = part.Split('/');
            if (slash.Length > 2) return null;
            int step = 1;
            if (slash.Length == 2 && (!int.TryParse(slash[1], NumberStyles.None, CultureInfo.InvariantCulture, out step) || step < 1))
                return null;
            int from, to;
            if (slash[0] == "*") (from, to) = (min, max);
            else if (slash[0].Split('-') is { Length: 2 } range)
            {
                if (Value(range[0], min, names) is not { } a || Value(range[1], min, names) is not { } b || a > b) return null;
                (from, to) = (a, b);
            }
            else if (Value(slash[0], min, names) is { } single) (from, to) = (single, slash.Length == 2 ? max : single);
            else return null;
            if (from < min || to > max) return null;
            for (var v = from; v <= to; v += step) set.Add(v);
        }
        return set.Count == 0 ? null : set;
    }

    private static int? Value(string token, int min, string[]? names)
    {
        if (int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return n;
        var i = names == null ? -1 : Array.FindIndex(names, x => string.Equals(x, token, StringComparison.OrdinalIgnoreCase));
        return i < 0 ? null : i + min;
    }

    /// <summary>Start and step when the values repeat evenly round the cycle (0,15,30,45 of 60): the gap over the top is the same.</summary>
    private static (int Start, int Step)? Uniform(SortedSet<int> values, int cycle)
    {
        if (values.Count < 2 || cycle % values.Count != 0) return null;
        var step = cycle / values.Count;
        var start = values.Min;
        return start < step && values.Select((v, i) => v == start + i * step).All(x => x) ? (start, step) : null;
    }

    private static string List(IEnumerable<int> values) => string.Join("、", values);

    /// <summary>Values with runs of three or more joined by 至 (1日至5日), the rest listed (1日、15日).</summary>
    private static string Runs(IEnumerable<int> values, Func<int, string> say)
    {
        var parts = new List<string>();
        foreach (var (a, b) in Consecutive(values.ToList()))
            if (b - a >= 2) parts.Add($"{say(a)}至{say(b)}");
            else for (var v = a; v <= b; v++) parts.Add(say(v));
        return string.Join("、", parts);
    }

    /// <summary>Weekdays Monday first, as a Chinese calendar reads them: 周一至周五, 周六、周日.</summary>
    private static string Weekdays(SortedSet<int> days) =>
        Runs(days.Select(d => d == 0 ? 7 : d).Order(), d => "周" + WeekdayChinese[d % 7]);

    private static IEnumerable<(int From, int To)> Consecutive(List<int> sorted)
    {
        for (var i = 0; i < sorted.Count;)
        {
            var j = i;
            while (j + 1 < sorted.Count && sorted[j + 1] == sorted[j] + 1) j++;
            yield return (sorted[i], sorted[j]);
            i = j + 1;
        }
    }
}
