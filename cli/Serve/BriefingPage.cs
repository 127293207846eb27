using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Warehouse.Reports.Briefing;
using Warehouse.Reports.Delivery;

namespace Warehouse.Cli.Serve;

/// <summary>The page a delivered message links to: one briefing, readable on a phone (headline, scorecard, comparison, trend
/// charts, workbook), at /b/{folder}. With an access token set, the link carries the folder's signature (?k=…) and opens that
/// briefing's page and files only, so a leader needs no token.</summary>
public static class BriefingPage
{
    /// <summary>Whether a GET for /b/{folder}[/{file}] carries a valid signature for its folder.</summary>
    public static bool SignedRequest(HttpRequest request, string? key)
    {
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method)) return false;
        var path = request.Path.Value ?? "";
        if (!path.StartsWith(BriefingLinks.Prefix, StringComparison.Ordinal)) return false;
        var folder = Uri.UnescapeDataString(path[BriefingLinks.Prefix.Length..].Split('/')[0]);
        return BriefingLinks.Valid(key, folder, request.Query["k"]);
    }

    /// <summary>Maps the page and its files.</summary>
    public static void Map(WebApplication app, string briefingsDir)
    {
        app.MapGet("/b/{folder}", (string folder, HttpRequest request) =>
        {
            if (BriefingFolders.Find(briefingsDir, folder) is not { } dir) return Results.NotFound();
            BriefingManifest m;
            try { m = BriefingManifest.Read(dir); }
            catch (InvalidOperationException) { return Results.NotFound(); }
            return Results.Content(Html(m, request.Query["k"].ToString()), "text/html; charset=utf-8");
        });
        app.MapGet("/b/{folder}/{file}", (string folder, string file) =>
        {
            if (BriefingFolders.Find(briefingsDir, folder) is not { } dir || !BriefingFolders.IsFileName(file))
                return Results.NotFound();
            var path = Path.Combine(dir, file);
            if (!File.Exists(path) || !(file.EndsWith(".png") || file.EndsWith(".xlsx"))) return Results.NotFound();
            return file.EndsWith(".png") ? Results.File(path, "image/png")
                : Results.File(path, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file);
        });
    }

    private static string Html(BriefingManifest m, string k)
    {
        static string E(string s) => WebUtility.HtmlEncode(s);
        var q = k.Length > 0 ? "?k=" + Uri.EscapeDataString(k) : "";
        string Src(string file) => E(Uri.EscapeDataString(file) + q);
        var h = new StringBuilder();
        h.Append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" ")
         .Append("content=\"width=device-width, initial-scale=1\"><meta name=\"referrer\" content=\"no-referrer\">")
         .Append($"<title>知识产权目标简报 {m.Date:yyyy-MM-dd}</title><style>body{{margin:0;font-family:'Noto Sans CJK SC',")
         .Append("'PingFang SC','Microsoft YaHei',sans-serif;background:#f5f7fa;color:#1a1a1a}main{max-width:720px;margin:0 auto;")
         .Append("padding:12px}img{width:100%;height:auto;display:block;margin:10px 0;background:#fff}h1{font-size:20px}")
         .Append("h2{font-size:17px;margin-top:22px}.warn{color:#b2182b;font-weight:bold;border:1px solid #b2182b;padding:6px}")
         .Append("a.book{display:inline-block;background:#2166ac;color:#fff;padding:8px 14px;border-radius:4px;text-decoration:none}")
         .Append("</style></head><body><main>");
        if (m.Illustrative) h.Append("<p class=\"warn\">示例数据，非官方统计 / illustrative data, not official statistics</p>");
        h.Append($"<h1>知识产权目标简报 · {m.Date:yyyy年M月d日}</h1><p><b>{E(m.Headline)}</b></p>");
        foreach (var f in m.Files.Where(f => f.Kind == "workbook"))
            h.Append($"<p><a class=\"book\" href=\"{m.Folder}/{Src(f.Name)}\">下载工作簿 {E(f.Name)}</a></p>");
        foreach (var f in m.Files.Where(f => f.Kind is "scorecard" or "comparison"))
            h.Append($"<img src=\"{m.Folder}/{Src(f.Name)}\" alt=\"{E(f.Name)}\" loading=\"lazy\">");
        foreach (var r in m.Regions)
        {
            h.Append($"<h2>{E(r.Name)}</h2><p>{E(BriefingManifest.CountsText([r]))}</p>");
            foreach (var f in m.Files.Where(f => f.Kind == "trend" && f.Region == r.Code))
                h.Append($"<img src=\"{m.Folder}/{Src(f.Name)}\" alt=\"{E(f.Name)}\" loading=\"lazy\">");
        }
        h.Append("</main></body></html>");
        return h.ToString();
    }
}
