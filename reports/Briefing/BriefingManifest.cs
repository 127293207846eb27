using System.Text.Json;
using System.Text.Json.Serialization;

namespace Warehouse.Reports.Briefing;

/// <summary>One goal as a message states it, with the plan it comes from.</summary>
/// <param name="Status">met, on_track, at_risk, off_track, missed, insufficient_data or not_assessed.</param>
/// <param name="Text">Indicator, target and latest value in words (目标 92件/万人（2025年），最新 85.3（2024年），达成概率 62%).</param>
/// <param name="Source">The plan document the target was read from.</param>
public sealed record ManifestGoal(string Indicator, string Status, string Text, string Source);

/// <summary>A region's goals and how many are in each status.</summary>
public sealed record ManifestRegion(string Code, string Name, IReadOnlyDictionary<string, int> Counts, IReadOnlyList<ManifestGoal> Goals);

/// <summary>A file of the briefing: kind scorecard, comparison, trend (with its region) or workbook.</summary>
public sealed record ManifestFile(string Name, string Kind, string? Region = null);

/// <summary>What a briefing says, written beside its charts as <c>briefing.json</c>: delivery builds every message from it, so a
/// message re-sent later says what the briefing said, not what the warehouse says now.</summary>
public sealed record BriefingManifest(string Folder, DateOnly Date, int Year, string AsOf, bool Illustrative, string Headline,
    IReadOnlyList<ManifestRegion> Regions, IReadOnlyList<ManifestFile> Files)
{
    /// <summary>The manifest's file name inside a briefing folder.</summary>
    public const string FileName = "briefing.json";

    /// <summary>Statuses in the order messages count them.</summary>
    public static readonly string[] StatusOrder = Palette.Statuses;

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // Chinese stays readable in the file
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The manifest for a briefing's data and the files written for it.</summary>
    public static BriefingManifest Of(BriefingData data, string folder, DateOnly date, IEnumerable<string> files)
    {
        var regions = data.Regions.Select(r =>
        {
            var goals = data.Attainment.Where(a => a.RegionCode == r.RegionCode && a.TargetKind == "goal").Select(a => a.IndicatorCode)
                .Distinct().Select(i => data.MainGoal(r.RegionCode, i)!).OrderBy(g => Array.IndexOf(StatusOrder, g.Status))
                .ThenBy(g => g.IndicatorCode, StringComparer.Ordinal).Select(g => Goal(data, g)).ToList();
            var counts = StatusOrder.ToDictionary(s => s, s => goals.Count(g => g.Status == s));
            return new ManifestRegion(r.RegionCode, data.RegionLabel(r), counts, goals);
        }).ToList();
        var manifestFiles = files.Select(Path.GetFileName).Where(n => n != null && !n.EndsWith(".svg")).Select(n => Classify(n!)).ToList();
        return new BriefingManifest(Path.GetFileName(folder), date, data.Year, data.AsOfText(), data.UsesIllustrative,
            HeadlineOf(data, regions), regions, manifestFiles);
    }

    /// <summary>Writes <c>briefing.json</c> into the folder.</summary>
    public void Write(string folder) =>
        File.WriteAllText(Path.Combine(folder, FileName), JsonSerializer.Serialize(this, Json), new System.Text.UTF8Encoding(false));

    /// <summary>Reads a briefing folder's manifest; a one-line error when the folder has none.</summary>
    public static BriefingManifest Read(string folder)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
            throw new InvalidOperationException($"简报目录缺少 {FileName} / {folder} has no {FileName}: it is not a briefing folder, or "
                + "was written before delivery existed; write a new briefing with `bin/warehouse report`");
        return JsonSerializer.Deserialize<BriefingManifest>(File.ReadAllText(path), Json)
            ?? throw new InvalidOperationException($"{path}: empty manifest");
    }

    /// <summary>Counts over the given regions, in status order, zeros left out: "★ 已达成 2 · ● 有望达成 3".</summary>
    public static string CountsText(IEnumerable<ManifestRegion> regions, string separator = " · ")
    {
        var list = regions.ToList();
        var parts = StatusOrder.Select(s => (s, n: list.Sum(r => r.Counts.GetValueOrDefault(s))))
            .Where(x => x.n > 0).Select(x => $"{Palette.Symbol(x.s)} {Palette.Word(x.s)} {x.n}");
        return string.Join(separator, parts);
    }

    // The scorecard's own sentence first (the picture beside it says the same), then every goal of the regions counted.
    private static string HeadlineOf(BriefingData data, IReadOnlyList<ManifestRegion> regions)
    {
        var (goals, good) = data.ScorecardCounts();
        var total = regions.Sum(r => r.Goals.Count);
        var label = data.UsesIllustrative ? "【示例数据，非官方统计】" : "";
        return $"{label}{regions.Count}个地区主要目标 {goals} 项中 {good} 项已达成或有望达成，{data.AsOfText()}；"
            + $"全部 {total} 项规划目标：{CountsText(regions, "，")}";
    }

    private static ManifestGoal Goal(BriefingData data, Store.AttainmentRow g)
    {
        var unit = g.Unit;
        string text;
        if (BriefingData.IsLevel(g.Measure))
        {
            text = $"目标 {Format.Value(g.Target, unit)}（{g.TargetYear}年）";
            if (g.LatestValue is { } v && g.LatestYear is { } y) text += $"，最新 {Format.Value(v, unit)}（{y}年）";
        }
        else
        {
            // A sum or increase over the plan's span: the target and what the years so far add up to.
            text = $"目标 {Format.Span(g.PeriodStart, g.PeriodEnd)}年{data.Lang.Measure(g.Measure)} {Format.Value(g.Target, unit)}";
            if (g.Achieved is { } a && g.AchievedAsOf is { } asOf) text += $"，已完成 {Format.Value(a, unit)}（截至{asOf}年）";
        }
        if (g.ProbabilityMet is { } p && g.Status is not ("met" or "missed")) text += $"，达成概率 {Format.Probability(p)}";
        return new ManifestGoal(data.IndicatorName(g.IndicatorCode), g.Status, text, g.SourceDocument);
    }

    private static ManifestFile Classify(string name)
    {
        if (name.EndsWith(".xlsx")) return new ManifestFile(name, "workbook");
        if (name.StartsWith("01_scorecard")) return new ManifestFile(name, "scorecard");
        if (name.StartsWith("02_comparison")) return new ManifestFile(name, "comparison");
        if (name.StartsWith("03_trend_"))
        {
            var rest = name["03_trend_".Length..];
            var cut = rest.IndexOf('_');
            return new ManifestFile(name, "trend", cut > 0 ? rest[..cut] : null);
        }
        return new ManifestFile(name, "other");
    }
}
