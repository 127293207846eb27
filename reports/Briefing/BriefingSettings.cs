namespace Warehouse.Reports.Briefing;

/// <summary>The language of a briefing: every visible word goes through <see cref="T"/>.</summary>
public sealed record Lang(bool En)
{
    /// <summary>Chinese (the default).</summary>
    public static readonly Lang Zh = new(false);

    /// <summary>English.</summary>
    public static readonly Lang English = new(true);

    /// <summary>From the CLI value zh / en.</summary>
    public static Lang Parse(string? code) => code?.Trim().ToLowerInvariant() switch
    {
        null or "" or "zh" => Zh, "en" => English, _ => throw new ArgumentException($"unknown language \"{code}\" (zh or en)"),
    };

    /// <summary>The Chinese or the English text.</summary>
    public string T(string zh, string en) => En ? en : zh;

    /// <summary>A measure in words.</summary>
    public string Measure(string m) => m switch
    {
        "stock" => T("存量", "level"), "annual" => T("年度", "annual"), "cumulative" => T("累计", "total"),
        "increment" => T("新增", "increase"), "ratio" => T("比率", "ratio"), _ => m,
    };

    /// <summary>A target kind or source kind in words.</summary>
    public string Kind(string k) => k switch
    {
        "goal" => T("目标", "goal"), "milestone" => T("阶段目标", "milestone"), "baseline" => T("基线", "baseline"), "plan" => T("规划文件", "plan"),
        "statistics" => T("统计数据", "statistics"), "published" => T("公开数据", "published"), "illustrative" => T("示例数据", "illustrative"), _ => k,
    };

    /// <summary>"2024年" or "2024".</summary>
    public string Year(long y) => En ? y.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{y}年";

    /// <summary>A unit as printed (English spells the Chinese units out).</summary>
    public string Unit(string unit) => !En ? unit : unit switch
    {
        "件" => "", "万件" => "×10k", "件/万人" => "per 10k people", "亿元" => "CNY100M", "万元" => "CNY10k", "家" or "个" or "项" => "", _ => unit,
    };

    /// <summary>A value with its unit in this language (13.5万件 / 13.5 ×10k).</summary>
    public string Value(double v, string unit)
    {
        if (!En) return Format.Value(v, unit);
        var (text, u) = Format.Scaled(v, unit, en: true);
        return $"{text} {Unit(u)}".Trim();
    }

    /// <summary>The illustrative-data warning printed on every output.</summary>
    public string IllustrativeMark => T("示例数据 非真实统计", "ILLUSTRATIVE DATA, not statistics");
}
