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
    public static void MarkStale(DbConnection c, DbTransaction tx, string subject, string reason) =>
        c.Execute("""
            INSERT INTO warehouse_state (subject, stale_since, reason) VALUES (@subject, @at, @reason)
            ON CONFLICT (subject) DO NOTHING
            """, new { subject, at = Clock.Now(), reason }, tx);

    /// <summary>Clears a subject's stale mark (after it was recomputed in this transaction).</summary>
    public static void MarkFresh(DbConnection c, DbTransaction tx, string subject) =>
        c.Execute("DELETE FROM warehouse_state WHERE subject = @subject", new { subject }, tx);

    /// <summary>The stale mark of a subject, or null when it is fresh.</summary>
    public static StaleMark? Read(SqlDialect dialect, string subject)
    {
        using var c = dialect.OpenReadOnly();
        return c.QuerySingleOrDefault<StaleMark>(
            "SELECT stale_since AS StaleSince, reason AS Reason FROM warehouse_state WHERE subject = @subject", new { subject });
    }
}

/// <summary>Since when and why a derived product is out of date.</summary>
public sealed record StaleMark(string StaleSince, string Reason);
