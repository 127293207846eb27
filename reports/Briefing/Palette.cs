using ScottPlot;

namespace Warehouse.Reports.Briefing;

/// <summary>Status colours, hatching and words. Blue / orange / dark red differ in hue for colour-blind readers and in lightness for
/// greyscale print; every status also carries a word and a symbol so colour is never the only cue, and the bad ends add hatching
/// (diagonal for off track, crossed for missed).</summary>
public static class Palette
{
    /// <summary>Every status in legend order.</summary>
    public static readonly string[] Statuses = ["met", "on_track", "at_risk", "off_track", "missed", "insufficient_data", "not_assessed"];

    /// <summary>Fill colour of a status.</summary>
    public static string Fill(string status) => status switch
    {
        "met" => "#08306b",
        "on_track" => "#2166ac",
        "at_risk" => "#fdb863",
        "off_track" => "#8c1d18",
        "missed" => "#4d4d4d",
        "not_assessed" => "#f2f2f2",
        _ => "#d9d9d9",
    };

    /// <summary>Hatching that makes the status readable without colour (null: plain fill).</summary>
    public static IHatch? Hatch(string status) => status switch
    {
        "off_track" => new ScottPlot.Hatches.Striped(ScottPlot.Hatches.StripeDirection.DiagonalUp),
        "missed" => new ScottPlot.Hatches.Grid(rotate: true),
        _ => null,
    };

    /// <summary>Text colour that reads on the fill.</summary>
    public static string Ink(string status) => status is "at_risk" or "insufficient_data" or "not_assessed" ? "#1a1a1a" : "#ffffff";

    /// <summary>Colour of status words on white (the fill, darkened where the fill is too light to read).</summary>
    public static string OnWhite(string status) =>
        status switch { "at_risk" => "#8a5a00", "insufficient_data" or "not_assessed" => "#555555", _ => Fill(status) };

    /// <summary>The status symbol: the shape cue that survives greyscale and colour blindness.</summary>
    public static string Symbol(string status) => status switch
    {
        "met" => "★", "on_track" => "●", "at_risk" => "▲", "off_track" => "■", "missed" => "×", "insufficient_data" => "○", _ => "—",
    };

    /// <summary>The status word with its symbol.</summary>
    public static string Label(string status, bool en = false) => Symbol(status) + " " + Word(status, en);

    /// <summary>The status word.</summary>
    public static string Word(string status, bool en = false) => (status, en) switch
    {
        ("met", false) => "已达成", ("missed", false) => "未达成", ("on_track", false) => "有望达成", ("at_risk", false) => "存在风险",
        ("off_track", false) => "难以达成", ("insufficient_data", false) => "数据不足", ("not_assessed", false) => "未评估",
        ("met", true) => "met", ("missed", true) => "missed", ("on_track", true) => "on track", ("at_risk", true) => "at risk",
        ("off_track", true) => "off track", ("insufficient_data", true) => "no data", _ => "not assessed",
    };

    /// <summary>Observed series, forecast and target colours.</summary>
    public const string Observed = "#1a1a1a", Forecast = "#2166ac", Band80 = "#6baed6", Band95 = "#c6dbef", Target = "#b35806", Grid = "#e0e0e0",
        Muted = "#555555", Illustrative = "#b2182b";
}
