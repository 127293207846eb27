using Warehouse.Reports.Forecasting;
using Warehouse.Store;
using Warehouse.Store.Engine;

namespace Warehouse.Reports.Briefing;

/// <summary>Everything a briefing shows, read once from the warehouse views, for a chosen set of regions.</summary>
public sealed class BriefingData
{
    /// <summary>At most this many scorecard columns fit a phone-width image with 26 px text.</summary>
    public const int MaxScorecardColumns = 5;

    /// <summary>The regions shown, in settings order, then by code.</summary>
    public required IReadOnlyList<Region> Regions { get; init; }
    public required IReadOnlyList<Indicator> Indicators { get; init; }
    public required IReadOnlyList<AttainmentRow> Attainment { get; init; }
    public required IReadOnlyList<TargetRow> Targets { get; init; }
    public required IReadOnlyList<ObservationPoint> Observations { get; init; }
    public required IReadOnlyList<ForecastPoint> Forecasts { get; init; }
    public required IReadOnlyList<SourceRow> Sources { get; init; }

    /// <summary>Scorecard columns: the settings' order first, then other indicators by how many regions set a goal for them.</summary>
    public required IReadOnlyList<string> ScorecardIndicators { get; init; }

    /// <summary>The year the briefing speaks for (latest observed year unless given).</summary>
    public required int Year { get; init; }

    /// <summary>Language of every word shown.</summary>
    public Lang Lang { get; init; } = Lang.Zh;

    /// <summary>Short names and orders.</summary>
    public BriefingSettings Settings { get; init; } = BriefingSettings.Empty;

    /// <summary>Whether any figure shown comes from illustrative data (then every chart says 示例数据).</summary>
    public bool UsesIllustrative => Observations.Any(o => o.SourceKind == "illustrative");

    /// <summary>Loads from the warehouse; observations after <paramref name="year"/> are left out.</summary>
    /// <param name="regions">Region codes, names or aliases; default: every region with at least one goal.</param>
    public static BriefingData Load(SqlDialect dialect, int? year = null, IReadOnlyList<string>? regions = null, Lang? lang = null,
        BriefingSettings? settings = null)
    {
        settings ??= BriefingSettings.Load(BriefingSettings.DefaultPath());
        using var c = dialect.OpenReadOnly();
        var catalog = Catalog.Load(dialect, c);
        var read = new ReadModels(dialect, c);
        var attainment = read.Attainment();
        var chosen = regions is { Count: > 0 }
            ? regions.Select(r => catalog.FindRegion(r) ?? throw new ArgumentException($"unknown region \"{r}\" (use a code, name or alias from dim_region)"))
                .DistinctBy(r => r.RegionCode).ToList()
            : attainment.Where(a => a.TargetKind == "goal").Select(a => a.RegionCode).Distinct().Select(catalog.RegionByCode).ToList();
        var order = settings.RegionOrder.Distinct().Select((code, i) => (code, i)).ToDictionary(x => x.code, x => x.i);
        int Rank(string code) => order.GetValueOrDefault(code, int.MaxValue);
        chosen = chosen.OrderBy(r => Rank(r.RegionCode)).ThenBy(r => r.RegionCode, StringComparer.Ordinal).ToList();
        var codes = chosen.Select(r => r.RegionCode).ToHashSet();

        // v_series: the same best source per year the forecast read, so a chart and its forecast agree.
        var obs = read.Series().Where(o => codes.Contains(o.RegionCode)).ToList();
        var y = year ?? (int)(obs.Count == 0 ? DateTime.Today.Year : obs.Max(o => o.Year));
        attainment = attainment.Where(a => codes.Contains(a.RegionCode)).ToList();
        var goals = attainment.Where(a => a.TargetKind == "goal").ToList();
        var scorecard = settings.ScorecardOrder.Where(code => goals.Any(g => g.IndicatorCode == code))
            .Concat(goals.GroupBy(g => g.IndicatorCode).OrderByDescending(g => g.Select(x => x.RegionCode).Distinct().Count()).ThenBy(g => g.Key).Select(g => g.Key))
            .Distinct().Take(MaxScorecardColumns).ToList();
        return new BriefingData
        {
            Regions = chosen,
            Indicators = catalog.Indicators,
            Year = y,
            Lang = lang ?? Lang.Zh,
            Settings = settings,
            ScorecardIndicators = scorecard,
            Observations = obs.Where(o => o.Year <= y).ToList(),
            Attainment = attainment,
            Targets = read.Targets().Where(t => codes.Contains(t.RegionCode)).ToList(),
            Forecasts = read.Forecasts().Where(f => codes.Contains(f.RegionCode)).ToList(),
            Sources = read.Sources(),
        };
    }

    /// <summary>The region's main goal for an indicator: the goal at the plan's end (largest target year), level-type preferred.</summary>
    public AttainmentRow? MainGoal(string region, string indicator) =>
        Attainment.Where(a => a.RegionCode == region && a.IndicatorCode == indicator && a.TargetKind == "goal")
            .OrderByDescending(a => a.TargetYear).ThenBy(a => IsLevel(a.Measure) ? 0 : 1).FirstOrDefault();

    /// <summary>The scorecard's goals (each region's main goal per scorecard column) and how many of them are met or on track:
    /// the scorecard's title and the messages' headline say the same numbers.</summary>
    public (int Goals, int Good) ScorecardCounts()
    {
        var cells = Regions.SelectMany(r => ScorecardIndicators.Select(c => MainGoal(r.RegionCode, c))).OfType<AttainmentRow>().ToList();
        return (cells.Count, cells.Count(a => a.Status is "on_track" or "met"));
    }

    /// <summary>Whether a target is about a level in its year (stock, ratio, annual) rather than a sum or change over a span.</summary>
    public static bool IsLevel(string measure) => measure is "stock" or "ratio" or "annual";

    /// <summary>The region's name as labels show it (short name from the settings, English name in English).</summary>
    public string RegionLabel(Region r) => Settings.RegionNames.TryGetValue(r.RegionCode, out var n)
        ? Lang.T(n.Zh, n.En.Length > 0 ? n.En : r.NameEn)
        : Lang.T(r.RegionName, string.IsNullOrWhiteSpace(r.NameEn) ? r.RegionName : r.NameEn);

    /// <summary>The region's label by code.</summary>
    public string RegionLabel(string code) => RegionLabel(Regions.First(r => r.RegionCode == code));

    /// <summary>The indicator's full name in the briefing's language.</summary>
    public string IndicatorName(string code) =>
        IndicatorOf(code) is var i && Lang.En && !string.IsNullOrWhiteSpace(i.NameEn) ? i.NameEn : i.IndicatorName;

    /// <summary>The indicator's short name for column heads (from the settings, else the full name).</summary>
    public string IndicatorLabel(string code) => Settings.IndicatorNames.TryGetValue(code, out var n) && (Lang.En ? n.En : n.Zh).Length > 0
        ? Lang.T(n.Zh, n.En) : IndicatorName(code);

    /// <summary>Latest observed year per region (regions without observations left out).</summary>
    public IReadOnlyDictionary<string, long> LatestYearByRegion() =>
        Observations.GroupBy(o => o.RegionCode).ToDictionary(g => g.Key, g => g.Max(o => o.Year));

    /// <summary>"截至2024年" when every region's data reaches the same year, else the range "最新数据 2023–2025年" (each cell states its own year).</summary>
    public string AsOfText()
    {
        var years = LatestYearByRegion().Values.ToList();
        if (years.Count == 0) return Lang.T("暂无观测数据", "no observations yet");
        var (lo, hi) = (years.Min(), years.Max());
        return lo == hi ? Lang.T($"截至{hi}年", $"as of {hi}") : Lang.T($"最新数据 {lo}–{hi}年（各格注明年份）", $"latest data {lo}–{hi} (year in each cell)");
    }

    /// <summary>The indicator by code.</summary>
    public Indicator IndicatorOf(string code) => Indicators.First(i => i.IndicatorCode == code);
}
