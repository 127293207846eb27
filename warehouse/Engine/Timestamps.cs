using System.Data;
using System.Globalization;
using Dapper;

namespace Warehouse.Store.Engine;

/// <summary>Reads every engine's timestamps as <see cref="DateTimeOffset"/>: ISO 8601 text on SQLite, <c>timestamptz</c>
/// (a UTC <see cref="DateTime"/> from Npgsql) on PostgreSQL, <c>datetimeoffset</c> on SQL Server.</summary>
public sealed class Timestamps : SqlMapper.TypeHandler<DateTimeOffset>
{
    private static int _registered;

    /// <summary>Registers the handler with Dapper once per process.</summary>
    public static void Register()
    {
        if (Interlocked.Exchange(ref _registered, 1) == 0) SqlMapper.AddTypeHandler(new Timestamps());
    }

    /// <inheritdoc />
    public override DateTimeOffset Parse(object value) => value switch
    {
        DateTimeOffset d => d,
        DateTime { Kind: DateTimeKind.Utc } d => new DateTimeOffset(d),
        DateTime d => new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Utc)),
        string s => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture),
        _ => throw new InvalidCastException($"not a timestamp: {value.GetType().Name}"),
    };

    /// <inheritdoc />
    public override void SetValue(IDbDataParameter parameter, DateTimeOffset value) => parameter.Value = value;
}
