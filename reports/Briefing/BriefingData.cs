using Dapper;
using Warehouse.Reports.Forecasting;
using Warehouse.Store;
using Warehouse.Store.Engine;

namespace Warehouse.Reports.Briefing;

/// <summary>One row of v_attainment.</summary>
public sealed record AttainmentRow(string RegionCode, string RegionName, string IndicatorCode, string IndicatorName, string Unit, string Measure,
    string TargetKind, long PeriodStart, long PeriodEnd, long TargetYear, string Comparator, double Target, long? LatestYear, double? LatestValue,
    double? Progress, double? Forecast, double? Lo80, double? Hi80, double? Lo95, double? Hi95, double? ProbabilityMet, double? Gap,
    double? RequiredGrowth, string Status, string? Note, string SourceDocument, string Evidence, double? Achieved, long? AchievedAsOf,
    string? SourceKind);

/// <summary>One observed yearly value with where it came from.</summary>
public sealed record ObservationPoint(string RegionCode, string IndicatorCode, long Year, double Value, string SourceKind, string Source, string Location);

/// <summary>One forecast year.</summary>
public sealed record ForecastPoint(string RegionCode, string IndicatorCode, long Year, double Point, double Lo80, double Hi80, double Lo95, double Hi95);

/// <summary>A source row for the 数据来源 sheet.</summary>
public sealed record SourceRow(string SourceName, string Kind, string? Title, string Checksum, string LoadedAt);

/// <summary>A baseline or target for the 目标 sheet and chart markers.</summary>
public sealed record TargetRow(string RegionCode, string RegionName, string IndicatorCode, string IndicatorName, string Unit, string Measure, string TargetKind,
    long PeriodStart, long PeriodEnd, long TargetYear, string Comparator, double Value, string SourceDocument, string Evidence, long EvidenceOffset);

/// <summary>Everything a briefing shows, read once from the warehouse views.</summary>
public sealed class BriefingData
{
    /// <summary>The five customer regions, in a fixed order.</summary>
    public static readonly string[] RegionOrder = ["320411", "320481", "320700", "320612", "320282"];

    /// <summary>Indicators on the scorecard, in column order.</summary>
    public static readonly string[] ScorecardIndicators =
        ["hv_invention_patents_per_10k", "invention_patents_per_10k", "registered_trademarks", "ip_pledge_financing", "madrid_registrations"];

    public required IReadOnlyList<Region> Regions { get; init; }
    public required IReadOnlyList<Indicator> Indicators { get; init; }
    public required IReadOnlyList<AttainmentRow> Attainment { get; init; }
    public required IReadOnlyList<TargetRow> Targets { get; init; }
    public required IReadOnlyList<ObservationPoint> Observations { get; init; }
    public required IReadOnlyList<ForecastPoint> Forecasts { get; init; }
    public required IReadOnlyList<SourceRow> Sources { get; init; }

    /// <summary>The year the briefing speaks for (latest observed year unless given).</summary>
    public required int Year { get; init; }

    /// <summary>Whether any figure shown comes from illustrative data (then every chart says 示例数据).</summary>
    public bool UsesIllustrative => Observations.Any(o => o.SourceKind == "illustrative");

    /// <summary>Loads from the warehouse; observations after <paramref name="year"/> are left out.</summary>
    public static BriefingData Load(SqlDialect dialect, int? year = null)
    {
        using var c = dialect.OpenReadOnly();
        var catalog = Catalog.Load(c);
        var obs = c.Query<ObservationPoint>($"""
            SELECT region_code AS RegionCode, indicator_code AS IndicatorCode, year AS Year, value AS Value, source_kind AS SourceKind, source AS Source, location AS Location
            FROM (SELECT v.*, ROW_NUMBER() OVER (PARTITION BY region_code, indicator_code, year
                    ORDER BY {ForecastRun.SourcePriority("source_kind")}) AS rn
                  FROM v_observations v WHERE period = CAST(year AS TEXT)) WHERE rn = 1
            ORDER BY region_code, indicator_code, year
            """).ToList();
        var y = year ?? (int)(obs.Count == 0 ? DateTime.Today.Year : obs.Max(o => o.Year));
        return new BriefingData
        {
            Regions = RegionOrder.Select(catalog.RegionByCode).ToList(),
            Indicators = catalog.Indicators,
            Year = y,
            Observations = obs.Where(o => o.Year <= y).ToList(),
            Attainment = c.Query<AttainmentRow>("""
                SELECT region_code AS RegionCode, region_name AS RegionName, indicator_code AS IndicatorCode, indicator_name AS IndicatorName, unit AS Unit,
                       measure AS Measure, target_kind AS TargetKind, period_start AS PeriodStart, period_end AS PeriodEnd, target_year AS TargetYear,
                       comparator AS Comparator, target AS Target, latest_year AS LatestYear, latest_value AS LatestValue, progress AS Progress,
                       forecast AS Forecast, lo80 AS Lo80, hi80 AS Hi80, lo95 AS Lo95, hi95 AS Hi95, probability_met AS ProbabilityMet, gap AS Gap,
                       required_growth AS RequiredGrowth, status AS Status, note AS Note, source_document AS SourceDocument, evidence AS Evidence,
                       achieved AS Achieved, achieved_as_of AS AchievedAsOf, source_kind AS SourceKind
                FROM v_attainment ORDER BY region_code, indicator_code, target_year
                """).ToList(),
            Targets = c.Query<TargetRow>("""
                SELECT region_code AS RegionCode, region_name AS RegionName, indicator_code AS IndicatorCode, indicator_name AS IndicatorName, unit AS Unit,
                       measure AS Measure, target_kind AS TargetKind, period_start AS PeriodStart, period_end AS PeriodEnd, target_year AS TargetYear,
                       comparator AS Comparator, value AS Value, source_document AS SourceDocument, evidence AS Evidence, evidence_offset AS EvidenceOffset
                FROM v_targets ORDER BY region_code, target_kind, indicator_code, target_year
                """).ToList(),
            Forecasts = c.Query<ForecastPoint>("""
                SELECT region_code AS RegionCode, indicator_code AS IndicatorCode, year AS Year, point AS Point, lo80 AS Lo80, hi80 AS Hi80, lo95 AS Lo95, hi95 AS Hi95
                FROM v_forecasts ORDER BY region_code, indicator_code, year
                """).ToList(),
            Sources = c.Query<SourceRow>("SELECT source_name AS SourceName, kind AS Kind, title AS Title, checksum AS Checksum, loaded_at AS LoadedAt FROM dim_source ORDER BY kind, source_name").ToList(),
        };
    }

    /// <summary>The region's main goal for an indicator: the goal at the plan's end (largest target year), level-type preferred.</summary>
    public AttainmentRow? MainGoal(string region, string indicator) =>
        Attainment.Where(a => a.RegionCode == region && a.IndicatorCode == indicator && a.TargetKind == "goal")
            .OrderByDescending(a => a.TargetYear).ThenBy(a => a.Measure is "stock" or "ratio" or "annual" ? 0 : 1).FirstOrDefault();

    /// <summary>Short region name for labels.</summary>
    public static string ShortName(Region r) => r.RegionCode switch { "320411" => "常州高新区", "320612" => "通州区", _ => r.RegionName };

    /// <summary>The indicator by code.</summary>
    public Indicator IndicatorOf(string code) => Indicators.First(i => i.IndicatorCode == code);
}
