using System.Text.RegularExpressions;

namespace Warehouse.Reports.Delivery;

/// <summary>The SMTP server briefings are mailed through.</summary>
/// <param name="UseStartTls">Upgrade the connection with STARTTLS (required before authenticating); false with port 465 means
/// TLS from the first byte.</param>
/// <param name="MaxBytes">Largest message to send; attachments that do not fit are left out and the mail links the dashboard.</param>
/// <param name="CertificateSha256">SHA-256 of a server certificate to trust although no public authority signed it (an office's
/// own mail server); hex, separators ignored.</param>
public sealed record SmtpSettings(string Host, int Port, bool UseStartTls, string? User, string? Password, string From,
    long MaxBytes = SmtpSettings.DefaultMaxBytes, string? CertificateSha256 = null, int TimeoutSeconds = 60)
{
    /// <summary>15 MB: below the limits of the common government and enterprise mail services.</summary>
    public const long DefaultMaxBytes = 15L * 1024 * 1024;
}

/// <summary>A leader who receives the briefing by mail, and the regions they lead (region codes; empty means every region).</summary>
public sealed record MailRecipient(string Name, string Email, IReadOnlyList<string> Regions)
{
    /// <summary>Whether this recipient follows the region.</summary>
    public bool Follows(string region) => Regions.Count == 0 || Regions.Contains(region);
}

/// <summary>A WeCom (企业微信) or DingTalk (钉钉) group robot.</summary>
/// <param name="Kind">wecom or dingtalk.</param>
/// <param name="Url">The webhook address; it carries the robot's key, so it is a secret.</param>
/// <param name="Secret">DingTalk's signing secret (SEC…), when the robot uses 加签.</param>
/// <param name="Name">How the delivery log and the dashboard name the robot (never by its URL).</param>
/// <param name="Regions">Regions the group follows (empty: every region).</param>
public sealed record RobotSettings(string Kind, string Url, string? Secret, string Name, IReadOnlyList<string> Regions)
{
    /// <summary>Whether this group follows the region.</summary>
    public bool Follows(string region) => Regions.Count == 0 || Regions.Contains(region);
}

/// <summary>Where briefings go: mail, group robots and a shared folder. Built by the CLI from Warehouse:Delivery.</summary>
/// <param name="DashboardUrl">The dashboard's address as leaders reach it (links in messages; DingTalk's scorecard image).</param>
/// <param name="LinkKey">The key that signs briefing links (the server's access token), so a link opens one briefing only.</param>
public sealed record DeliverySettings(SmtpSettings? Smtp, IReadOnlyList<MailRecipient> Recipients, IReadOnlyList<RobotSettings> Robots,
    string? Folder, string? DashboardUrl = null, string? LinkKey = null)
{
    /// <summary>No channel at all.</summary>
    public static readonly DeliverySettings None = new(null, [], [], null);

    /// <summary>Whether any channel is configured.</summary>
    public bool Any => (Smtp != null && Recipients.Count > 0) || Robots.Count > 0 || !string.IsNullOrWhiteSpace(Folder);

    /// <summary>Whether these settings still deliver on this channel to this recipient (mail address, robot name or folder).</summary>
    public bool Names(string channel, string recipient) => channel switch
    {
        "mail" => Smtp != null && Recipients.Any(r => string.Equals(r.Email, recipient, StringComparison.OrdinalIgnoreCase)),
        "folder" => Folder == recipient,
        _ => Robots.Any(r => r.Kind == channel && r.Name == recipient),
    };

    /// <summary>Links to briefings as leaders open them.</summary>
    public BriefingLinks Links => new(DashboardUrl, LinkKey);

    /// <summary>The text with every secret of these settings replaced by ***, and any key-like query value too: every error and
    /// log line passes through here before anyone sees it.</summary>
    public string Scrub(string? text)
    {
        if (string.IsNullOrEmpty(text)) return text ?? "";
        foreach (var secret in Secrets().Where(s => s.Length >= 4).OrderByDescending(s => s.Length))
            text = text.Replace(secret, "***", StringComparison.Ordinal);
        return QueryKeys.Replace(text, "$1=***");
    }

    private IEnumerable<string> Secrets()
    {
        if (Smtp?.Password is { } p) yield return p;
        if (LinkKey is { } k) yield return k;
        foreach (var r in Robots)
        {
            yield return r.Url;
            if (r.Secret is { } s) yield return s;
            if (Uri.TryCreate(r.Url, UriKind.Absolute, out var u))
                foreach (var pair in u.Query.TrimStart('?').Split('&'))
                    if (pair.Split('=', 2) is [_, var value] && value.Length > 0)
                    {
                        yield return value;
                        yield return Uri.UnescapeDataString(value);
                    }
        }
    }

    private static readonly Regex QueryKeys = new(@"\b(key|access_token|sign|secret|password|token|k)=[^&\s""']+",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
}
