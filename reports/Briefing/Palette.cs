namespace Warehouse.Reports.Briefing;

/// <summary>Status colours and words. Blue / orange / dark red differ in hue for colour-blind readers and in lightness for
/// greyscale print; every status also carries a word and a symbol so colour is never the only cue, and off-track adds hatching.</summary>
public static class Palette
{
    /// <summary>Fill colour of a status.</summary>
    public static string Fill(string status) => status switch
    {
        "met" or "on_track" => "#2166ac",
        "at_risk" => "#fdb863",
        "off_track" => "#8c1d18",
        _ => "#d9d9d9",
    };

    /// <summary>Text colour that reads on the fill.</summary>
    public static string Ink(string status) => status is "at_risk" or "insufficient_data" ? "#222222" : "#ffffff";

    /// <summary>The status in Chinese (or English) with a symbol.</summary>
    public static string Label(string status, bool en = false) => (status, en) switch
    {
        ("met", false) => "★ 已达成",
        ("on_track", false) => "● 有望达成",
        ("at_risk", false) => "▲ 存在风险",
        ("off_track", false) => "■ 难以达成",
        ("insufficient_data", false) => "○ 数据不足",
        ("met", true) => "★ met",
        ("on_track", true) => "● on track",
        ("at_risk", true) => "▲ at risk",
        ("off_track", true) => "■ off track",
        _ => "○ no data",
    };

    /// <summary>Observed series, forecast and target colours.</summary>
    public const string Observed = "#1a1a1a", Forecast = "#2166ac", Band80 = "#6baed6", Band95 = "#c6dbef", Target = "#b35806", Grid = "#e0e0e0", Muted = "#666666";
}
