using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Warehouse.Cli.Serve;

/// <summary>The middleware in front of everything the server answers (API, dashboard, downloads, /hangfire): it refuses
/// requests until the bound addresses were checked, foreign Host names, cross-origin mutations and, with
/// Warehouse:AccessToken set, every request without the token (header or sign-in cookie).</summary>
public sealed class AccessGuard
{
    /// <summary>Header that carries the access token.</summary>
    public const string TokenHeader = "X-Warehouse-Token";

    /// <summary>Cookie set by the sign-in form; it carries the token itself.</summary>
    public const string TokenCookie = "warehouse_token";

    /// <summary>The setting that lists host names (besides IP literals and localhost) the server answers to.</summary>
    public const string AllowedHostsSetting = "Warehouse:AllowedHosts";

    private readonly byte[]? tokenHash;
    private readonly string[] exactHosts;
    private readonly string[] wildcardSuffixes;
    private volatile bool ready;

    /// <summary>A guard for this token (null: no token needed) and these allowed host names.</summary>
    public AccessGuard(string? token, IEnumerable<string> allowedHosts)
    {
        Token = token;
        tokenHash = token == null ? null : SHA256.HashData(Encoding.UTF8.GetBytes(token));
        var hosts = allowedHosts.Select(Normalise).Where(h => h.Length > 0).ToList();
        exactHosts = hosts.Where(h => !h.StartsWith("*.")).ToArray();
        wildcardSuffixes = hosts.Where(h => h.StartsWith("*.") && h.Length > 2).Select(h => h[1..]).ToArray();
    }

    /// <summary>The access token, or null when none is configured.</summary>
    public string? Token { get; }

    /// <summary>Whether the bound addresses passed the check; until then every request gets 503.</summary>
    public bool Ready => ready;

    /// <summary>The guard for these settings (Warehouse:AllowedHosts separated by ';' or ',').</summary>
    public static AccessGuard From(IConfiguration config, string? token) =>
        new(token, (config[AllowedHostsSetting] ?? "")
            .Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    /// <summary>Registers the guard and the after-start check of the bound addresses (see <see cref="BoundAddresses"/>).</summary>
    public static void Register(WebApplicationBuilder builder, string? token)
    {
        if (token != null && !token.All(c => c is > ' ' and <= '~'))
            throw new InvalidOperationException("访问令牌只能由 ASCII 可见字符组成 / "
                + "Warehouse:AccessToken must be printable ASCII without spaces "
                + "(an HTTP header cannot carry other characters)");
        var guard = From(builder.Configuration, token);
        builder.Services.AddSingleton(guard);
        builder.Services.AddHostedService<BoundAddresses>();
        // A failed start (port in use, public address without token) is told in one line by serve; the host's own report
        // of it would print a stack trace first. Once started, the host's errors are logged as before (its debug chatter never).
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host",
            level => level >= LogLevel.Information && (level < LogLevel.Error || guard.Ready));
    }

    /// <summary>Puts the guard first in the pipeline and maps the sign-in form; everything mapped later sits behind it.</summary>
    public static void Use(WebApplication app)
    {
        var guard = app.Services.GetRequiredService<AccessGuard>();
        app.Use((ctx, next) => guard.InvokeAsync(ctx, next));
        SignInPage.Map(app, guard);
    }

    /// <summary>Lets requests through from now on (called once the bound addresses passed the check).</summary>
    internal void Open() => ready = true;

    /// <summary>Checks one request and either answers it (refusal) or passes it on.</summary>
    public Task InvokeAsync(HttpContext ctx, Func<Task> next)
    {
        var request = ctx.Request;
        if (!ready)
            return Refuse(ctx, StatusCodes.Status503ServiceUnavailable, "服务器正在启动 / server is starting");
        if (!HostAllowed(request.Host.Host))
            return Refuse(ctx, StatusCodes.Status400BadRequest,
                $"主机名不在允许列表中 / host '{request.Host.Host}' is not allowed; add it to {AllowedHostsSetting} "
                + "(env Warehouse__AllowedHosts)");
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && CrossOrigin(request))
            return Refuse(ctx, StatusCodes.Status403Forbidden, "跨站请求被拒绝 / cross-origin request refused");
        if (tokenHash == null || SignInPage.IsOpen(request.Path) || Authenticated(request)
            || BriefingPage.SignedRequest(request, Token)) return next(); // a delivered link opens its own briefing only

        var page = request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);
        if (HttpMethods.IsGet(request.Method) && page)
        {
            // A person in a browser gets the sign-in form, and comes back to the page they asked for.
            ctx.Response.Redirect("/signin?return=" + Uri.EscapeDataString(request.Path + request.QueryString));
            return Task.CompletedTask;
        }
        return Refuse(ctx, StatusCodes.Status401Unauthorized, $"需要访问令牌 / missing or wrong {TokenHeader}");
    }

    /// <summary>Whether this is the configured token; compared in constant time (of equal-length hashes, so not even the
    /// token's length leaks).</summary>
    public bool Matches(string? candidate) =>
        tokenHash != null && candidate != null
        && CryptographicOperations.FixedTimeEquals(tokenHash, SHA256.HashData(Encoding.UTF8.GetBytes(candidate)));

    /// <summary>Whether the Host header's host part may be answered: an IP literal or localhost (a DNS-rebinding attack needs a
    /// name it controls, and a literal cannot be rebound), or a name listed in Warehouse:AllowedHosts.</summary>
    public bool HostAllowed(string host)
    {
        if (host.Length == 0) return false;
        var bare = host.StartsWith('[') && host.EndsWith(']') ? host[1..^1] : host;
        if (bare.Contains(':')) return IPAddress.TryParse(bare, out var v6) && v6.AddressFamily == AddressFamily.InterNetworkV6;
        // Only the dotted-quad form counts as an IPv4 literal; IPAddress.TryParse also takes "1" or "0x7f.1".
        if (IPAddress.TryParse(bare, out var v4) && v4.ToString() == bare) return true;
        var name = Normalise(bare);
        return name == "localhost" || exactHosts.Contains(name)
            || wildcardSuffixes.Any(s => name.EndsWith(s, StringComparison.Ordinal) && name.Length > s.Length);
    }

    private bool Authenticated(HttpRequest request)
    {
        var header = request.Headers[TokenHeader].ToString();
        return (header.Length > 0 && Matches(header)) || Matches(request.Cookies[TokenCookie]);
    }

    // A page elsewhere must not drive this server: a mutation whose Origin is another authority, or that the browser marks
    // cross-site, is refused. Together with the Host check this covers DNS rebinding, where Origin and Host agree.
    private static bool CrossOrigin(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0 && !(Uri.TryCreate(origin, UriKind.Absolute, out var o)
                                   && string.Equals(o.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase)))
            return true;
        return string.Equals(request.Headers["Sec-Fetch-Site"], "cross-site", StringComparison.OrdinalIgnoreCase);
    }

    private static string Normalise(string host) => host.Trim().TrimEnd('.').ToLowerInvariant();

    private static Task Refuse(HttpContext ctx, int status, string error)
    {
        ctx.Response.StatusCode = status;
        return ctx.Response.WriteAsJsonAsync(new { error });
    }
}
