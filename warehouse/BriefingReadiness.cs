using Dapper;
using Warehouse.Store.Engine;

namespace Warehouse.Store;

/// <summary>What a briefing needs to be true: goals assessed, and the assessment newer than the data.</summary>
/// <param name="Targets">Goals and milestones in fact_target.</param>
/// <param name="Assessed">Of those, how many have a fact_attainment row.</param>
/// <param name="AssessedAt">When the forecast run that wrote fact_attainment finished.</param>
/// <param name="DataChangedAt">When the last load that changed observations or targets finished.</param>
public sealed record BriefingReadiness(long Targets, long Assessed, string? AssessedAt, string? DataChangedAt, StaleMark? Stale)
{
    /// <summary>Reads the facts the readiness rule needs.</summary>
    public static BriefingReadiness Read(SqlDialect dialect)
    {
        using var c = dialect.OpenReadOnly();
        var counts = c.QuerySingle<(long Targets, long Assessed)>("""
            SELECT (SELECT count(*) FROM fact_target WHERE target_kind IN ('goal', 'milestone')) AS targets,
                   (SELECT count(*) FROM fact_attainment a JOIN fact_target t ON t.target_key = a.target_key
                     WHERE t.target_kind IN ('goal', 'milestone')) AS assessed
            """);
        var assessedAt = c.ExecuteScalar<string?>("""
            SELECT max(b.finished_at) FROM etl_batch b WHERE b.batch_id IN (SELECT DISTINCT batch_id FROM fact_attainment)
            """);
        var changedAt = c.ExecuteScalar<string?>("""
            SELECT max(finished_at) FROM etl_batch
            WHERE job IN ('ingest-statistics', 'ingest-plan') AND status IN ('succeeded', 'partial') AND rows_changed > 0
            """);
        return new BriefingReadiness(counts.Targets, counts.Assessed, assessedAt, changedAt, Freshness.Read(dialect, Freshness.Forecast));
    }

    /// <summary>Null when a briefing may be published; otherwise why not, in words a statistician can act on.</summary>
    public string? Refusal()
    {
        if (Stale != null)
            return $"预测已过期（自 {Stale.StaleSince}：{Stale.Reason}）/ forecasts are stale since {Stale.StaleSince} ({Stale.Reason}); run `forecast`";
        if (Targets > 0 && Assessed == 0)
            return $"有 {Targets} 项规划目标，但没有任何达成评估 / the warehouse has {Targets} goals and milestones but no attainment; run `forecast`";
        if (Targets > 0 && Assessed < Targets)
            return $"{Targets - Assessed} 项规划目标没有达成评估 / {Targets - Assessed} of {Targets} goals have no attainment; run `forecast`";
        if (AssessedAt != null && DataChangedAt != null && DateTimeOffset.Parse(AssessedAt) < DateTimeOffset.Parse(DataChangedAt))
            return $"达成评估（{AssessedAt}）早于最近的数据变更（{DataChangedAt}）/ attainment is older than the data; run `forecast`";
        return null;
    }
}
