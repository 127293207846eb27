using Dapper;
using Warehouse.Store.Engine;

namespace Warehouse.Store;

/// <summary>What a briefing needs to be true: goals loaded and assessed, and the assessment newer than the data.</summary>
/// <param name="Targets">Goals and milestones in fact_target.</param>
/// <param name="Assessed">Of those, how many have a fact_attainment row.</param>
/// <param name="AssessedAt">When the forecast run that wrote fact_attainment finished.</param>
/// <param name="DataChangedAt">When the last load that changed observations or targets finished.</param>
public sealed record BriefingReadiness(long Targets, long Assessed, DateTimeOffset? AssessedAt, DateTimeOffset? DataChangedAt,
    StaleMark? Stale)
{
    /// <summary>Reads the facts the readiness rule needs.</summary>
    public static BriefingReadiness Read(SqlDialect dialect)
    {
        using var c = dialect.OpenReadOnly();
        var counts = c.QuerySingle<(long Targets, long Assessed)>(dialect.Sql("state/readiness_counts"));
        var assessedAt = c.ExecuteScalar<DateTimeOffset?>(dialect.Sql("state/assessed_at"));
        var changedAt = c.ExecuteScalar<DateTimeOffset?>(dialect.Sql("state/data_changed_at"));
        return new BriefingReadiness(counts.Targets, counts.Assessed, assessedAt, changedAt, Freshness.Read(dialect, Freshness.Forecast));
    }

    /// <summary>Null when a briefing may be published; otherwise why not, in words a statistician can act on.</summary>
    public string? Refusal()
    {
        if (Stale != null)
            return $"预测已过期（自 {Stale.Since}：{Stale.Reason}）/ forecasts are stale since {Stale.Since} ({Stale.Reason}); run `forecast`";
        // An empty scorecard (0 项规划目标中 0 项…) tells a leader nothing: the first scheduled briefing of a new warehouse can fire
        // before the first ingest has loaded a plan.
        if (Targets == 0)
            return "仓库中还没有规划目标，先导入规划文件 / the warehouse holds no plan goals yet; ingest the plan documents first";
        if (Assessed == 0)
            return $"有 {Targets} 项规划目标，但没有任何达成评估 / the warehouse has {Targets} goals and milestones but no attainment; run `forecast`";
        if (Assessed < Targets)
            return $"{Targets - Assessed} 项规划目标没有达成评估 / {Targets - Assessed} of {Targets} goals have no attainment; run `forecast`";
        if (AssessedAt is { } assessed && DataChangedAt is { } changed && assessed < changed)
            return $"达成评估（{Stamp(assessed)}）早于最近的数据变更（{Stamp(changed)}）/ attainment is older than the data; run `forecast`";
        return null;
    }

    private static string Stamp(DateTimeOffset at) => at.ToString(Clock.Format, System.Globalization.CultureInfo.InvariantCulture);
}
