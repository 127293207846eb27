using System.Net;
using System.Text;
using MimeKit;
using Warehouse.Reports.Briefing;

namespace Warehouse.Reports.Delivery;

/// <summary>The mail a recipient gets: an HTML body with the headline, the scorecard inline and their regions' goals, and as
/// attachments the comparison, their regions' trend charts and the workbook, as many as fit the size limit.</summary>
public static class MailComposer
{
    /// <summary>Content id of the inline scorecard (and of further pages: scorecard-2 …).</summary>
    public const string ScorecardId = "scorecard";

    /// <summary>Builds the message; files left out for size are named in its text.</summary>
    public static MimeMessage Compose(BriefingManifest m, string folder, MailRecipient to, SmtpSettings smtp, BriefingLinks links,
        long maxBytes)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(smtp.From));
        message.To.Add(new MailboxAddress(to.Name, to.Email));
        var mine = m.Regions.Where(r => to.Follows(r.Code)).ToList();
        // The second briefing of a day (briefing-2026-12-01-2) says so: leaders can tell the mails apart.
        var nth = m.Folder.Length > "briefing-yyyy-MM-dd".Length && int.TryParse(m.Folder[(m.Folder.LastIndexOf('-') + 1)..], out var n)
            ? $"（当日第{n}份）" : "";
        message.Subject = (m.Illustrative ? "【示例数据】" : "") + $"知识产权目标简报 {m.Date:yyyy-MM-dd}{nth}"
            + (to.Regions.Count > 0 && mine.Count > 0 ? "（" + string.Join("、", mine.Select(r => r.Name)) + "）" : "");
        var builder = new BodyBuilder();
        var budget = maxBytes - 64 * 1024; // headers, HTML and MIME boundaries
        var scorecards = m.Files.Where(f => f.Kind == "scorecard").ToList();
        for (var i = 0; i < scorecards.Count; i++)
        {
            var part = builder.LinkedResources.Add(Path.Combine(folder, scorecards[i].Name));
            part.ContentId = i == 0 ? ScorecardId : $"{ScorecardId}-{i + 1}";
            budget -= Encoded(Path.Combine(folder, scorecards[i].Name));
        }
        // Attachments in the order a leader needs them: the comparison, the workbook (every figure with its source), then their
        // own regions' trend charts.
        var wanted = m.Files.Where(f => f.Kind == "comparison").Concat(m.Files.Where(f => f.Kind == "workbook"))
            .Concat(m.Files.Where(f => f.Kind == "trend" && f.Region != null && mine.Any(r => r.Code == f.Region))).ToList();
        var skipped = new List<string>();
        var attached = new List<string>();
        foreach (var f in wanted)
        {
            var path = Path.Combine(folder, f.Name);
            var size = Encoded(path);
            if (size > budget) { skipped.Add(f.Name); continue; }
            builder.Attachments.Add(path);
            attached.Add(f.Name);
            budget -= size;
        }
        builder.HtmlBody = Html(m, mine, scorecards.Count, attached, skipped, links.Page(m.Folder));
        builder.TextBody = Text(m, mine, attached, skipped, links.Page(m.Folder));
        message.Body = builder.ToMessageBody();
        return message;
    }

    private static bool Assessed(string status) => status is not ("insufficient_data" or "not_assessed");

    // Base64 grows a file by 4/3, plus line breaks every 76 characters and the part's headers.
    private static long Encoded(string path)
    {
        var bytes = new FileInfo(path).Length;
        var b64 = (bytes + 2) / 3 * 4;
        return b64 + b64 / 76 * 2 + 512;
    }

    private static string Html(BriefingManifest m, IReadOnlyList<ManifestRegion> mine, int scorecards, IReadOnlyList<string> attached,
        IReadOnlyList<string> skipped, string? link)
    {
        static string E(string s) => WebUtility.HtmlEncode(s);
        var h = new StringBuilder();
        h.Append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">")
         .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"></head>")
         .Append("<body style=\"margin:0;padding:12px;font-family:'Noto Sans CJK SC','PingFang SC','Microsoft YaHei',sans-serif;")
         .Append("color:#1a1a1a;background:#fff;overflow-wrap:anywhere\"><div style=\"max-width:640px;margin:0 auto\">");
        if (m.Illustrative)
            h.Append("<p style=\"color:#b2182b;font-weight:bold;border:1px solid #b2182b;padding:6px\">")
             .Append("示例数据，非官方统计：本简报的部分数字为演示用的示例数据 / illustrative data, not official statistics</p>");
        h.Append($"<h2 style=\"font-size:20px;margin:8px 0\">知识产权目标简报 · {m.Date:yyyy年M月d日}</h2>")
         .Append($"<p style=\"font-size:16px;line-height:1.6\"><b>{E(m.Headline)}</b></p>");
        for (var i = 0; i < scorecards; i++)
            h.Append($"<img src=\"cid:{(i == 0 ? ScorecardId : $"{ScorecardId}-{i + 1}")}\" alt=\"目标记分卡\" ")
             .Append("style=\"width:100%;max-width:640px;height:auto;display:block;margin:8px 0\">");
        foreach (var r in mine)
        {
            h.Append($"<h3 style=\"font-size:17px;margin:16px 0 4px\">{E(r.Name)}</h3>")
             .Append($"<p style=\"margin:0 0 6px;color:#333\">{E(BriefingManifest.CountsText([r]))}</p>")
             .Append("<table style=\"border-collapse:collapse;width:100%;font-size:14px\">");
            foreach (var g in r.Goals.Where(g => Assessed(g.Status)))
                h.Append("<tr style=\"border-top:1px solid #e0e0e0\">")
                 .Append($"<td style=\"padding:4px 6px 4px 0;white-space:nowrap;color:{Palette.OnWhite(g.Status)}\">")
                 .Append($"{E(Palette.Label(g.Status))}</td>")
                 .Append($"<td style=\"padding:4px 0\"><b>{E(g.Indicator)}</b><br>{E(g.Text)}")
                 .Append($"<br><span style=\"color:#555;font-size:12px\">来源：{E(g.Source)}</span></td></tr>");
            h.Append("</table>");
            // Goals without enough data to assess are named in one line, not a row each: they say nothing about progress yet.
            var open = r.Goals.Where(g => !Assessed(g.Status)).ToList();
            if (open.Count > 0)
                h.Append($"<p style=\"margin:6px 0;color:#555;font-size:13px\">{E(Palette.Label("insufficient_data"))} {open.Count} 项：")
                 .Append(E(string.Join("；", open.Select(g => g.Indicator).Distinct()))).Append("</p>");
        }
        if (attached.Count > 0)
            h.Append("<p style=\"color:#333\">附件 / attached: ").Append(E(string.Join("；", attached))).Append("</p>");
        if (skipped.Count > 0)
            h.Append("<p style=\"color:#8a5a00\">以下文件超过邮件大小限制，未附上 / too large for this mail: ")
             .Append(E(string.Join("；", skipped))).Append(link == null ? "；请在仪表盘的“简报”中下载。" : "；请从下面的链接查看。").Append("</p>");
        if (link != null)
            h.Append($"<p><a href=\"{E(link)}\" style=\"font-size:16px\">查看完整简报（图表与工作簿）</a></p>");
        h.Append($"<p style=\"color:#555;font-size:12px\">{E(m.AsOf)}。每项目标均注明其规划文件；达成概率来自趋势预测。")
         .Append("本邮件由知识产权数据仓库自动发送，请勿直接回复。</p></div></body></html>");
        return h.ToString();
    }

    private static string Text(BriefingManifest m, IReadOnlyList<ManifestRegion> mine, IReadOnlyList<string> attached,
        IReadOnlyList<string> skipped, string? link)
    {
        var t = new StringBuilder();
        if (m.Illustrative) t.AppendLine("【示例数据，非官方统计】");
        t.AppendLine($"知识产权目标简报 {m.Date:yyyy-MM-dd}").AppendLine(m.Headline).AppendLine();
        foreach (var r in mine)
        {
            t.AppendLine($"{r.Name}：{BriefingManifest.CountsText([r])}");
            foreach (var g in r.Goals.Where(g => Assessed(g.Status)))
                t.AppendLine($"  {Palette.Label(g.Status)} {g.Indicator}：{g.Text}（来源：{g.Source}）");
            var open = r.Goals.Where(g => !Assessed(g.Status)).Select(g => g.Indicator).Distinct().ToList();
            if (open.Count > 0) t.AppendLine($"  {Palette.Label("insufficient_data")} {open.Count} 项：{string.Join("；", open)}");
        }
        if (attached.Count > 0) t.AppendLine().AppendLine("附件 / attached: " + string.Join("；", attached));
        if (skipped.Count > 0)
            t.AppendLine("以下文件超过邮件大小限制，未附上 / too large for this mail: " + string.Join("；", skipped)
                + (link == null ? "；请在仪表盘的“简报”中下载。" : "；请从下面的链接查看。"));
        if (link != null) t.AppendLine().AppendLine("完整简报：" + link);
        return t.ToString();
    }
}
