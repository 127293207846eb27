using System.Data.Common;
using Dapper;
using Warehouse.Store.Engine;

namespace Warehouse.Store;

/// <summary>Whether derived products (forecasts and attainment) are out of date with the data: a row in
/// <c>warehouse_state</c>, written in the same transaction as the change so a crash cannot lose it.</summary>
public static class Freshness
{
    /// <summary>Subject covering fact_forecast and fact_attainment.</summary>
    public const string Forecast = "forecast";

    /// <summary>Marks a subject stale (keeps the first time and reason if it already is).</summary>
    public static void MarkStale(SqlDialect dialect, DbConnection c, DbTransaction tx, string subject, string reason) =>
        c.Execute(dialect.Sql("state/mark_stale"), new { subject, at = dialect.Now(), reason }, tx);

    /// <summary>Clears a subject's stale mark (after it was recomputed in this transaction).</summary>
    public static void MarkFresh(SqlDialect dialect, DbConnection c, DbTransaction tx, string subject) =>
        c.Execute(dialect.Sql("state/mark_fresh"), new { subject }, tx);

    /// <summary>The stale mark of a subject, or null when it is fresh.</summary>
    public static StaleMark? Read(SqlDialect dialect, string subject)
    {
        using var c = dialect.OpenReadOnly();
        return c.QuerySingleOrDefault<StaleMark>(dialect.Sql("state/stale"), new { subject });
    }
}

/// <summary>Since when and why a derived product is out of date.</summary>
public sealed record StaleMark(DateTimeOffset StaleSince, string Reason)
{
    /// <summary>The time as the warehouse writes it (ISO 8601 with offset), for messages.</summary>
    public string Since => ReadModels.Beijing(StaleSince).ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) + " 北京时间";
}
