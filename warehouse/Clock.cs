namespace Warehouse.Store;

/// <summary>Timestamps as stored in the warehouse: ISO 8601 with the local offset (Asia/Shanghai on our servers).</summary>
public static class Clock
{
    /// <summary>Now, formatted for storage.</summary>
    public static string Now() => DateTimeOffset.Now.ToString("yyyy-MM-ddTHH:mm:ss.fffzzz");
}
