using System.Security.Cryptography;
using System.Text;

namespace Warehouse.Reports.Delivery;

/// <summary>Links that open one briefing without the dashboard's token: the path is signed with the server's access token, so a
/// leader's link opens that briefing's page and files and nothing else.</summary>
public sealed record BriefingLinks(string? DashboardUrl, string? Key)
{
    /// <summary>Path prefix of the briefing pages.</summary>
    public const string Prefix = "/b/";

    /// <summary>Whether links can be given at all (a dashboard address is configured).</summary>
    public bool Available => !string.IsNullOrWhiteSpace(DashboardUrl);

    /// <summary>The briefing's page; null without a dashboard address.</summary>
    public string? Page(string folder) => Available ? Base() + Prefix + Uri.EscapeDataString(folder) + Query(folder) : null;

    /// <summary>One file of the briefing; null without a dashboard address.</summary>
    public string? File(string folder, string file) =>
        Available ? Base() + Prefix + Uri.EscapeDataString(folder) + "/" + Uri.EscapeDataString(file) + Query(folder) : null;

    /// <summary>The signature of a briefing folder under this key (empty without a key).</summary>
    public string Sign(string folder) => Sign(Key, folder);

    /// <summary>The signature of a briefing folder: HMAC-SHA256 of its name under the key, base64url, 32 characters.</summary>
    public static string Sign(string? key, string folder)
    {
        if (string.IsNullOrEmpty(key)) return "";
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes("briefing-link:" + folder));
        return Convert.ToBase64String(mac).TrimEnd('=').Replace('+', '-').Replace('/', '_')[..32];
    }

    /// <summary>Whether a signature opens the folder; compared in constant time.</summary>
    public static bool Valid(string? key, string folder, string? signature) =>
        signature != null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(key, folder)),
            Encoding.ASCII.GetBytes(signature));

    private string Base() => DashboardUrl!.TrimEnd('/');

    private string Query(string folder) => string.IsNullOrEmpty(Key) ? "" : "?k=" + Sign(folder);
}
