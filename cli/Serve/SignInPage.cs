using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Warehouse.Cli.Serve;

/// <summary>The small sign-in form: it takes the access token once and keeps it in an HttpOnly cookie, so the dashboard,
/// downloads and /hangfire work in a browser without sending the header.</summary>
public static class SignInPage
{
    /// <summary>Whether the path is served without a token (the form itself, and signing out).</summary>
    public static bool IsOpen(PathString path) => path.Equals("/signin", StringComparison.OrdinalIgnoreCase)
        || path.Equals("/signout", StringComparison.OrdinalIgnoreCase);

    /// <summary>Maps GET and POST /signin and POST /signout.</summary>
    public static void Map(WebApplication app, AccessGuard guard)
    {
        // Without a token there is nothing to sign in to: straight back.
        app.MapGet("/signin", (HttpRequest request) =>
            guard.Token == null ? Results.Redirect(SafeReturn(request.Query["return"])) : Page(null, request.Query["return"]));
        app.MapPost("/signin", async Task<IResult> (HttpContext ctx) =>
        {
            IFormCollection form;
            try { form = ctx.Request.HasFormContentType ? await ctx.Request.ReadFormAsync() : FormCollection.Empty; }
            catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException) { form = FormCollection.Empty; }
            var back = SafeReturn(form["return"]);
            if (guard.Token == null) return new SeeOther(back);
            if (!guard.Matches(form["token"].ToString()))
                return Page("错误：访问令牌不对 / wrong access token", back, StatusCodes.Status401Unauthorized);
            ctx.Response.Cookies.Append(AccessGuard.TokenCookie, form["token"].ToString(), Cookie(ctx.Request));
            return new SeeOther(back);
        });
        app.MapPost("/signout", IResult (HttpContext ctx) =>
        {
            ctx.Response.Cookies.Delete(AccessGuard.TokenCookie, Cookie(ctx.Request));
            return new SeeOther("/signin");
        });
    }

    /// <summary>The path to go back to after signing in: a local path (one leading '/'), else the dashboard. Refuses
    /// "//host" and "/\host", which browsers read as another site.</summary>
    public static string SafeReturn(string? path) =>
        path is { Length: > 0 } p && p[0] == '/' && (p.Length == 1 || (p[1] != '/' && p[1] != '\\')) && !p.Any(char.IsControl) ? p : "/";

    private static CookieOptions Cookie(HttpRequest request) =>
        new() { HttpOnly = true, SameSite = SameSiteMode.Strict, Path = "/", Secure = request.IsHttps, IsEssential = true };

    private static IResult Page(string? error, string? returnPath, int status = StatusCodes.Status200OK)
    {
        var back = WebUtility.HtmlEncode(SafeReturn(returnPath));
        var message = error == null ? "" : $"<p class=\"err\" role=\"alert\">{WebUtility.HtmlEncode(error)}</p>";
        var html = $$"""
<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>登录 · 知识产权数据仓库</title>
<style>
 body { font-family: "Noto Sans CJK SC", sans-serif; margin: 0; background: #f5f6f8; color: #222; }
 form { box-sizing: border-box; max-width: 360px; margin: 12vh auto 0; padding: 20px; background: #fff; border-radius: 8px;
   box-shadow: 0 1px 3px rgba(0,0,0,.08); }
 h1 { font-size: 20px; margin: 0 0 12px; } label { display: block; margin-bottom: 6px; }
 input { box-sizing: border-box; width: 100%; padding: 8px; font-size: 16px; border: 1px solid #bbb; border-radius: 4px; }
 button { margin-top: 12px; width: 100%; padding: 10px; font-size: 16px; background: #2166ac; color: #fff; border: 0; border-radius: 4px; }
 .err { color: #b42318; } .muted { color: #777; font-size: 13px; }
 @media (max-width: 420px) { form { margin: 16px; } }
</style>
</head>
<body>
<form method="post" action="/signin">
<h1>知识产权数据仓库 <span class="muted">sign in</span></h1>
{{message}}
<label for="token">访问令牌 <span class="muted">access token</span></label>
<input id="token" name="token" type="password" autocomplete="current-password" required autofocus>
<input type="hidden" name="return" value="{{back}}">
<button type="submit">登录 / Sign in</button>
<p class="muted">令牌即服务器设置 Warehouse:AccessToken（环境变量 Warehouse__AccessToken）。</p>
</form>
</body>
</html>
""";
        return Results.Content(html, "text/html; charset=utf-8", null, status);
    }

    // 303: the browser follows a form POST's redirect with a GET.
    private sealed class SeeOther(string location) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
            httpContext.Response.Headers.Location = location;
            return Task.CompletedTask;
        }
    }
}
