namespace Warehouse.Store;

/// <summary>Timestamps as stored in the warehouse: ISO 8601 with the local offset (Asia/Shanghai on our servers).</summary>
public static class Clock
{
    /// <summary>The storage format (text on SQLite), also used to print a timestamp read back.</summary>
    public const string Format = "yyyy-MM-ddTHH:mm:ss.fffzzz";

    /// <summary>Now, formatted for storage.</summary>
    public static string Now() => DateTimeOffset.Now.ToString(Format);
}
