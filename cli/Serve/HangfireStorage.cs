using Hangfire;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.SqlServer;
using Warehouse.Store.Engine;

namespace Warehouse.Cli.Serve;

/// <summary>Where Hangfire keeps its queues, schedules and job history: on the warehouse's own server engine, in memory beside
/// an embedded SQLite file (no SQLite storage for Hangfire exists; the product's own history stays in <c>etl_batch</c>).</summary>
public static class HangfireStorage
{
    /// <summary>A job fetched by a node that then died is fetched again by another node after this long without a heartbeat.</summary>
    public static readonly TimeSpan InvisibilityTimeout = TimeSpan.FromMinutes(1);

    /// <summary>Storage for the engine; the Hangfire tables live in their own schema (<c>hangfire</c>), created on first start.</summary>
    public static JobStorage For(SqlDialect dialect) => dialect switch
    {
        PostgresDialect pg => Postgres(pg),
        SqlServerDialect ss => new SqlServerStorage(ss.Connection.ConnectionString, new SqlServerStorageOptions
        {
            SchemaName = "hangfire",
            PrepareSchemaIfNecessary = true,
            SlidingInvisibilityTimeout = InvisibilityTimeout,
            QueuePollInterval = TimeSpan.FromSeconds(1),
        }),
        _ => new InMemoryStorage(new InMemoryStorageOptions { MaxExpirationTime = TimeSpan.FromDays(7) }),
    };

    /// <summary>Whether schedules and queued jobs survive a restart (on a server engine) or live only in this process.</summary>
    public static bool Durable(SqlDialect dialect) => dialect is PostgresDialect or SqlServerDialect;

    // Sliding invisibility: a running job's fetch time is refreshed while its node lives, so a long job is never fetched twice,
    // and a dead node's job is fetched again one timeout after its last refresh.
    private static PostgreSqlStorage Postgres(PostgresDialect pg)
    {
        var options = new PostgreSqlStorageOptions
        {
            SchemaName = "hangfire",
            PrepareSchemaIfNecessary = true,
            UseSlidingInvisibilityTimeout = true,
            InvisibilityTimeout = InvisibilityTimeout,
            QueuePollInterval = TimeSpan.FromSeconds(1),
        };
        return new PostgreSqlStorage(new NpgsqlConnectionFactory(pg.Connection.ConnectionString, options), options);
    }
}
