using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Json;
using MimeKit;
using Warehouse.Reports.Delivery;

namespace Warehouse.Cli.Delivery;

/// <summary>Reads Warehouse:Delivery (a public contract, see README): Smtp:{Host,Port,UseStartTls,User,Password,From},
/// Recipients:N:{Name,Email,Regions}, Robots:N:{Kind,Url,Secret}, Folder, DashboardUrl. Secrets (the SMTP password, robot URLs
/// and secrets) are taken from the environment or user secrets only: found in appsettings.json they stop the command.</summary>
public static class DeliveryOptions
{
    /// <summary>The settings' section.</summary>
    public const string Section = "Warehouse:Delivery";

    /// <summary>Configuration as `serve` and `deliver` read it: appsettings.json, user secrets, environment, then overrides.</summary>
    public static IConfiguration Load(IDictionary<string, string?>? overrides = null)
    {
        var b = new ConfigurationBuilder().SetBasePath(AppContext.BaseDirectory).AddJsonFile("appsettings.json", optional: true);
        AddSecretSources(b);
        if (overrides != null) b.AddInMemoryCollection(overrides);
        return b.Build();
    }

    /// <summary>Adds user secrets and then the environment (which wins), as both commands read them.</summary>
    public static void AddSecretSources(IConfigurationBuilder b)
    {
        b.AddUserSecrets(typeof(DeliveryOptions).Assembly, optional: true, reloadOnChange: false);
        b.AddEnvironmentVariables();
    }

    /// <summary>The delivery settings; <paramref name="region"/> turns a code, name or alias into a region code (null: unknown).
    /// Throws InvalidOperationException naming the setting for anything wrong.</summary>
    public static DeliverySettings From(IConfiguration config, Func<string, string?> region, string? linkKey)
    {
        var s = config.GetSection(Section);
        RefuseSecretsInFiles(config);
        RefuseUnknownKeys(s);
        SmtpSettings? smtp = null;
        if (!string.IsNullOrWhiteSpace(s["Smtp:Host"]))
        {
            var port = Int(s, "Smtp:Port", 587, 1, 65535);
            var startTls = Bool(s, "Smtp:UseStartTls", port != 465);
            var user = Blank(s["Smtp:User"]);
            var from = Blank(s["Smtp:From"]) ?? user
                ?? throw Bad("Smtp:From", "发件地址未设置 / the sender address is not set");
            if (!MailboxAddress.TryParse(from, out _)) throw Bad("Smtp:From", $"不是有效的邮件地址 / not a mail address: '{from}'");
            if (user != null && string.IsNullOrEmpty(s["Smtp:Password"]))
                throw Bad("Smtp:Password", "已设置 Smtp:User 但没有密码 / Smtp:User is set but no password: set "
                    + "Warehouse__Delivery__Smtp__Password "
                    + "in the environment or with `dotnet user-secrets set` in cli/");
            if (user != null && !startTls && port != 465)
                throw Bad("Smtp:UseStartTls", "不加密时不能发送密码 / would send the password unencrypted: use STARTTLS (true) or port 465");
            smtp = new SmtpSettings(s["Smtp:Host"]!.Trim(), port, startTls, user, s["Smtp:Password"], from,
                Int(s, "Smtp:MaxMegabytes", (int)(SmtpSettings.DefaultMaxBytes >> 20), 1, 1024) * 1024L * 1024,
                Blank(s["Smtp:CertificateSha256"]), Int(s, "Smtp:TimeoutSeconds", 60, 1, 600));
        }
        var recipients = new List<MailRecipient>();
        foreach (var r in s.GetSection("Recipients").GetChildren())
        {
            var key = $"Recipients:{r.Key}";
            var email = Blank(r["Email"]) ?? throw Bad(key + ":Email", "未设置 / missing");
            if (!MailboxAddress.TryParse(email, out var parsed) || parsed is not MailboxAddress box || !box.Address.Contains('@'))
                throw Bad(key + ":Email", $"不是有效的邮件地址 / not a mail address: '{email}'");
            recipients.Add(new MailRecipient(Blank(r["Name"]) ?? box.Address, box.Address, Regions(r, key, region)));
        }
        if (recipients.Count > 0 && smtp == null)
            throw Bad("Smtp:Host", "已配置收件人但没有 SMTP 服务器 / recipients are configured but no SMTP server");
        if (recipients.GroupBy(r => r.Email, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1) is { } twice)
            throw Bad("Recipients", $"{twice.Key} 出现两次 / appears twice: list each address once with all its regions");
        var robots = new List<RobotSettings>();
        foreach (var r in s.GetSection("Robots").GetChildren())
        {
            var key = $"Robots:{r.Key}";
            var kind = Blank(r["Kind"])?.ToLowerInvariant();
            if (kind is not ("wecom" or "dingtalk"))
                throw Bad(key + ":Kind", $"应为 wecom 或 dingtalk / must be wecom or dingtalk, not '{kind}'");
            var url = Blank(r["Url"])
                ?? throw Bad(key + ":Url", "未设置（放在环境变量或 user secrets 中）/ missing (set it in the environment or user secrets)");
            if (!Uri.TryCreate(url, UriKind.Absolute, out var u) || u.Scheme is not ("https" or "http"))
                throw Bad(key + ":Url", "不是 http(s) 地址 / not an http(s) address"); // the value itself is a secret: not echoed
            var secret = Blank(r["Secret"]);
            if (secret != null && kind == "wecom") throw Bad(key + ":Secret", "企业微信机器人不使用 Secret / WeCom robots have no signing secret");
            var name = Blank(r["Name"]) ?? (int.TryParse(r.Key, out var n) ? $"{kind}#{n + 1}" : $"{kind}-{r.Key}");
            robots.Add(new RobotSettings(kind, url, secret, name, Regions(r, key, region)));
        }
        if (robots.GroupBy(r => (r.Kind, r.Name)).FirstOrDefault(g => g.Count() > 1) is { } same)
            throw Bad("Robots", $"两个机器人同名 / two robots are named '{same.Key.Name}': give each its own Name");
        var dashboard = Blank(s["DashboardUrl"]);
        if (dashboard != null && !(Uri.TryCreate(dashboard, UriKind.Absolute, out var d) && d.Scheme is "http" or "https"))
            throw Bad("DashboardUrl", $"不是 http(s) 地址 / not an http(s) address: '{dashboard}'");
        return new DeliverySettings(smtp, recipients, robots, Blank(s["Folder"]), dashboard, linkKey);
    }

    // Regions: codes, names or aliases separated by commas, semicolons or spaces; * or nothing for every region.
    private static List<string> Regions(IConfigurationSection r, string key, Func<string, string?> region)
    {
        var list = (r["Regions"] ?? "").Split([',', ';', ' ', '，', '、'],
            StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        // Every name is checked, also beside *: a misspelt region is a mistake either way.
        var codes = list.Where(x => x != "*").Select(x => region(x)
                ?? throw Bad(key + ":Regions", $"未知地区 / unknown region '{x}' (a code, name or alias from dim_region)"))
            .Distinct().ToList();
        return list.Length == 0 || list.Contains("*") ? [] : codes;
    }

    private static readonly Dictionary<string, string[]> Known = new()
    {
        [""] = ["Smtp", "Recipients", "Robots", "Folder", "DashboardUrl", "After"],
        ["Smtp"] = ["Host", "Port", "UseStartTls", "User", "Password", "From", "MaxMegabytes", "CertificateSha256", "TimeoutSeconds"],
        ["Recipients"] = ["Name", "Email", "Regions"],
        ["Robots"] = ["Kind", "Url", "Secret", "Name", "Regions"],
    };

    // A misspelt key (Recipents, Smtp:Prot) would otherwise be ignored without a word, and a channel silently not used.
    private static void RefuseUnknownKeys(IConfigurationSection s)
    {
        void Check(IEnumerable<IConfigurationSection> children, string[] allowed, string prefix)
        {
            foreach (var c in children)
                if (!allowed.Contains(c.Key, StringComparer.OrdinalIgnoreCase))
                    throw Bad(prefix + c.Key, $"未知设置 / unknown setting; known here: {string.Join(", ", allowed)}");
        }
        Check(s.GetChildren(), Known[""], "");
        Check(s.GetSection("Smtp").GetChildren(), Known["Smtp"], "Smtp:");
        foreach (var list in new[] { "Recipients", "Robots" })
            foreach (var item in s.GetSection(list).GetChildren())
                Check(item.GetChildren(), Known[list], $"{list}:{item.Key}:");
    }

    // A secret in a file that is copied, backed up and committed is a leaked secret.
    private static void RefuseSecretsInFiles(IConfiguration config)
    {
        if (config is not IConfigurationRoot root) return;
        foreach (var file in root.Providers.OfType<JsonConfigurationProvider>())
        {
            // Every robot the file lists, by its own keys (not only the first hundred indexes).
            var robots = file.GetChildKeys([], $"{Section}:Robots").Distinct();
            var found = new[] { "Smtp:Password" }.Concat(robots.SelectMany(i => new[] { $"Robots:{i}:Url", $"Robots:{i}:Secret" }))
                .Where(key => file.TryGet($"{Section}:{key}", out var v) && !string.IsNullOrEmpty(v)).ToList();
            if (found.Count > 0)
                throw new InvalidOperationException($"密钥不能写在 {file.Source.Path} 中 / secrets must not be in {file.Source.Path}: "
                    + string.Join(", ", found.Select(f => $"{Section}:{f}")) + ". Set them in the environment (e.g. Warehouse__Delivery__"
                    + found[0].Replace(":", "__") + ") or with `dotnet user-secrets set` in cli/, and remove them from the file");
        }
    }

    private static InvalidOperationException Bad(string key, string why) => new($"{Section}:{key}: {why}");

    private static string? Blank(string? v) => string.IsNullOrWhiteSpace(v) ? null : v.Trim();

    private static int Int(IConfiguration s, string key, int fallback, int min, int max)
    {
        var v = s[key];
        if (string.IsNullOrWhiteSpace(v)) return fallback;
        if (!int.TryParse(v, out var n) || n < min || n > max)
            throw Bad(key, $"应为 {min}–{max} 的整数 / must be a whole number {min}–{max}: '{v}'");
        return n;
    }

    private static bool Bool(IConfiguration s, string key, bool fallback)
    {
        var v = s[key];
        if (string.IsNullOrWhiteSpace(v)) return fallback;
        return bool.TryParse(v, out var b) ? b : throw Bad(key, $"应为 true 或 false / must be true or false: '{v}'");
    }
}
