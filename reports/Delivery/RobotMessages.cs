using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using SkiaSharp;
using Warehouse.Reports.Briefing;

namespace Warehouse.Reports.Delivery;

/// <summary>One webhook message: its JSON body and what it is, for the delivery's lines.</summary>
public sealed record RobotMessage(string What, JsonObject Body);

/// <summary>The messages a group robot gets for a briefing, in each robot's documented webhook JSON: WeCom gets each scorecard page
/// as an image message (base64 and MD5 of the image, at most 2 MB) and then a markdown message (at most 4096 bytes); DingTalk,
/// which has no image message for robots, gets one markdown message that shows the scorecard from its signed link.</summary>
public static class RobotMessages
{
    /// <summary>WeCom's limit on an image, before base64.</summary>
    public const int WeComImageBytes = 2 * 1024 * 1024;

    /// <summary>WeCom's limit on a markdown message's content, in UTF-8 bytes.</summary>
    public const int WeComMarkdownBytes = 4096;

    /// <summary>The cap we put on a DingTalk markdown text (its documented limit is higher; a group reads a short message).</summary>
    public const int DingTalkMarkdownBytes = 4096;

    /// <summary>The messages, in sending order.</summary>
    public static IReadOnlyList<RobotMessage> For(RobotSettings robot, BriefingManifest m, string folder, BriefingLinks links)
    {
        var regions = m.Regions.Where(r => robot.Follows(r.Code)).ToList();
        var list = new List<RobotMessage>();
        if (robot.Kind == "wecom")
        {
            foreach (var f in m.Files.Where(f => f.Kind == "scorecard"))
            {
                var image = FitImage(File.ReadAllBytes(Path.Combine(folder, f.Name)), WeComImageBytes);
                list.Add(new RobotMessage($"image {f.Name} ({image.Length / 1024} KB)", new JsonObject
                {
                    ["msgtype"] = "image",
                    ["image"] = new JsonObject { ["base64"] = Convert.ToBase64String(image), ["md5"] = Md5(image) },
                }));
            }
            list.Add(new RobotMessage("markdown", new JsonObject
            {
                ["msgtype"] = "markdown",
                ["markdown"] = new JsonObject { ["content"] = Markdown(m, regions, links, WeComMarkdownBytes, image: null, wecom: true) },
            }));
        }
        else
        {
            var scorecard = m.Files.FirstOrDefault(f => f.Kind == "scorecard");
            var imageUrl = scorecard == null ? null : links.File(m.Folder, scorecard.Name);
            var what = imageUrl == null ? "markdown (no image: Warehouse:Delivery:DashboardUrl is not set)" : "markdown + image link";
            list.Add(new RobotMessage(what,
                new JsonObject
                {
                    ["msgtype"] = "markdown",
                    ["markdown"] = new JsonObject
                    {
                        ["title"] = Title(m),
                        ["text"] = Markdown(m, regions, links, DingTalkMarkdownBytes, imageUrl, wecom: false),
                    },
                }));
        }
        return list;
    }

    /// <summary>Lowercase hex MD5 of the image bytes (before base64), as WeCom checks it.</summary>
    public static string Md5(byte[] bytes) => Convert.ToHexString(MD5.HashData(bytes)).ToLowerInvariant();

    /// <summary>The image as it is when it fits; else re-encoded as JPEG, at lower quality and then smaller, until it fits.</summary>
    public static byte[] FitImage(byte[] png, int limit)
    {
        if (png.Length <= limit) return png;
        using var bitmap = SKBitmap.Decode(png) ?? throw new InvalidOperationException("scorecard image cannot be decoded");
        for (var scale = 1.0; scale >= 0.25; scale *= 0.8)
        {
            using var resized = scale == 1.0 ? bitmap.Copy() : bitmap.Resize(
                new SKImageInfo((int)(bitmap.Width * scale), (int)(bitmap.Height * scale)), new SKSamplingOptions(SKFilterMode.Linear));
            using var image = SKImage.FromBitmap(resized);
            foreach (var quality in new[] { 90, 80, 70 })
            {
                using var data = image.Encode(SKEncodedImageFormat.Jpeg, quality);
                if (data.Size <= limit) return data.ToArray();
            }
        }
        throw new InvalidOperationException($"scorecard image cannot be made smaller than {limit / 1024 / 1024} MB");
    }

    private static string Title(BriefingManifest m) => (m.Illustrative ? "【示例数据】" : "") + $"知识产权目标简报 {m.Date:yyyy-MM-dd}";

    private static string Markdown(BriefingManifest m, IReadOnlyList<ManifestRegion> regions, BriefingLinks links, int limit,
        string? image, bool wecom)
    {
        var head = new StringBuilder();
        head.Append($"## {Title(m)}\n");
        if (m.Illustrative)
            head.Append(wecom ? "<font color=\"warning\">示例数据，非官方统计</font>\n" : "**示例数据，非官方统计**\n\n");
        head.Append($"{m.Headline}\n\n");
        if (image != null) head.Append($"![目标记分卡]({image})\n\n");
        var link = links.Page(m.Folder);
        var tail = link != null ? $"\n[查看完整简报]({link})" : "\n完整简报见仪表盘“简报” / full briefing on the dashboard";
        var body = new StringBuilder(head.ToString());
        var shown = 0;
        foreach (var r in regions)
        {
            var line = $"> **{r.Name}**：{BriefingManifest.CountsText([r])}\n" + (wecom ? "" : "\n");
            var rest = regions.Count - shown - 1;
            var more = rest > 0 ? $"\n…另有 {rest} 个地区，见完整简报\n" : "";
            if (Bytes(body + line + more + tail) > limit)
            {
                body.Append($"\n…另有 {regions.Count - shown} 个地区，见完整简报\n");
                break;
            }
            body.Append(line);
            shown++;
        }
        body.Append(tail);
        var text = body.ToString();
        while (Bytes(text) > limit) text = text[..^1]; // only a headline longer than the limit gets here
        return text;
    }

    private static int Bytes(string s) => Encoding.UTF8.GetByteCount(s);
}
