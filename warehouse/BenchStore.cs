using System.Data.Common;
using Dapper;
using Warehouse.Store.Engine;

namespace Warehouse.Store;

/// <summary>Writes the synthetic regions of <c>bench-briefing</c>'s province (copies of seed regions) in the caller's
/// transaction.</summary>
public sealed class BenchStore(SqlDialect dialect, DbConnection connection, DbTransaction tx)
{
    /// <summary>Keys of the regions whose plans set goals (the templates), in key order.</summary>
    public IReadOnlyList<long> GoalRegions() => connection.Query<long>(dialect.Sql("bench/goal_regions"), transaction: tx).ToList();

    /// <summary>Adds a county and returns its key.</summary>
    public long AddRegion(string code, string name, string en) =>
        connection.ExecuteScalar<long>(dialect.Sql("bench/add_region"), new { code, name, en }, tx);

    /// <summary>Copies the template's figures to the region, multiplied by <paramref name="factor"/>.</summary>
    public void CopyObservations(long key, long template, double factor) =>
        connection.Execute(dialect.Sql("bench/copy_observations"), new { key, template, factor }, tx);

    /// <summary>Copies the template's targets to the region, values multiplied by <paramref name="factor"/>.</summary>
    public void CopyTargets(long key, long template, double factor) =>
        connection.Execute(dialect.Sql("bench/copy_targets"), new { key, template, factor }, tx);
}
