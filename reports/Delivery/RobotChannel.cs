using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Warehouse.Reports.Delivery;

/// <summary>Posts robot messages to a WeCom or DingTalk webhook (DingTalk's URL signed with timestamp and HMAC-SHA256 when the
/// robot has a secret) and sorts failures: HTTP 5xx/429 and the rate-limit codes are transient, other error codes permanent, and
/// a request that left without an answer uncertain. Failure texts may quote the robot's answer; <see cref="BriefingDelivery"/>
/// scrubs every one before it is shown or stored.</summary>
public sealed class RobotChannel(RobotSettings robot, HttpClient http)
{
    /// <summary>The robots' rate-limit and busy codes (WeCom 45009, DingTalk 130101, both -1 system busy).</summary>
    private static readonly int[] TransientCodes = [45009, 130101, -1];

    /// <summary>Posts one message; returns the bytes sent.</summary>
    public long Send(RobotMessage message, CancellationToken cancel)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(message.Body);
        var url = robot.Kind == "dingtalk" && !string.IsNullOrEmpty(robot.Secret) ? Signed(robot.Url, robot.Secret!, Now()) : robot.Url;
        HttpResponseMessage response;
        try
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            response = http.PostAsync(url, content, cancel).GetAwaiter().GetResult();
        }
        catch (HttpRequestException e) when (e.HttpRequestError is HttpRequestError.NameResolutionError
                                              or HttpRequestError.ConnectionError or HttpRequestError.SecureConnectionError)
        {
            throw new DeliveryFailure(FailureKind.Transient, $"{Name} 无法连接 / not reachable: {e.Message}");
        }
        catch (Exception e) when (e is HttpRequestException or IOException or TaskCanceledException && !cancel.IsCancellationRequested)
        {
            throw new DeliveryFailure(FailureKind.Uncertain, $"{Name} 发送后无应答，可能已送达 / no answer after sending: {e.Message}");
        }
        using (response)
        {
            var status = (int)response.StatusCode;
            if (status == 429 || status >= 500)
                throw new DeliveryFailure(FailureKind.Transient, $"{Name}: HTTP {status}");
            if (status != 200)
                throw new DeliveryFailure(FailureKind.Permanent, $"{Name}: HTTP {status}");
            var (code, text) = Answer(response, cancel);
            if (code == 0) return body.Length;
            var kind = TransientCodes.Contains(code) ? FailureKind.Transient : FailureKind.Permanent;
            throw new DeliveryFailure(kind, $"{Name}: errcode {code} {text}{Hint(code)}");
        }
    }

    /// <summary>DingTalk's signed webhook address: timestamp (ms) and sign = URL-encoded Base64(HMAC-SHA256(secret,
    /// timestamp + "\n" + secret)).</summary>
    public static string Signed(string url, string secret, long timestampMs)
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestampMs}\n{secret}"));
        var sign = Uri.EscapeDataString(Convert.ToBase64String(mac));
        return $"{url}{(url.Contains('?') ? '&' : '?')}timestamp={timestampMs}&sign={sign}";
    }

    /// <summary>Test hook: the clock the signature uses (ms since the epoch).</summary>
    public Func<long> Now { get; init; } = () => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();

    private string Name => robot.Kind == "wecom" ? $"企业微信机器人 {robot.Name}" : $"钉钉机器人 {robot.Name}";

    private static (int Code, string Text) Answer(HttpResponseMessage response, CancellationToken cancel)
    {
        try
        {
            using var doc = JsonDocument.Parse(response.Content.ReadAsStringAsync(cancel).GetAwaiter().GetResult());
            var code = doc.RootElement.TryGetProperty("errcode", out var c) && c.TryGetInt32(out var n) ? n : 0;
            var text = doc.RootElement.TryGetProperty("errmsg", out var t) ? t.GetString() ?? "" : "";
            return (code, text);
        }
        catch (JsonException)
        {
            // A 200 without the robot's JSON is not the robot answering (a proxy page): do not count it as delivered.
            return (-2, "answer is not the robot's JSON");
        }
    }

    private static string Hint(int code) => code switch
    {
        93000 or 300001 => "（机器人地址无效 / the webhook address is wrong or the robot was removed）",
        310000 => "（签名、关键词或IP白名单不符 / signature, keyword or IP allow-list refused: check Secret, and that the robot's "
            + "keyword is one the message carries, e.g. 简报）",
        _ => "",
    };
}
