using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Warehouse.Tests.Delivery;

/// <summary>One request a robot webhook received, refused ones included; Json is the JSON null document for a non-JSON body.</summary>
public sealed record RobotRequest(string Kind, string PathAndQuery, string Body, JsonDocument Json, int HttpStatus, int ErrCode);

/// <summary>
/// Loopback imitation of the WeCom (企业微信) and DingTalk (钉钉) group-robot webhooks, checking what the real ones check
/// (key/token, DingTalk signature and timestamp, message shape and limits) and answering with their error codes.
/// </summary>
public sealed class RobotReceiver : IAsyncDisposable, IDisposable
{
    /// <summary>Kind of WeCom requests.</summary>
    public const string WeCom = "wecom";

    /// <summary>Kind of DingTalk requests.</summary>
    public const string DingTalk = "dingtalk";

    // WeCom codes: 93000 bad key, 40008 bad msgtype, 40058 missing/too long content, 40009 image size or format.
    // 301019 is WeCom's "media md5 mismatch" code, used here for an image whose md5 does not match its bytes.
    // 40000 answers a body that is not JSON at all (WeCom's generic "invalid parameter").
    // DingTalk codes: 300001 bad token, 310000 bad/expired signature, 40035 missing parameter (DingTalk's "缺少参数").
    private const int MaxWeComImageBytes = 2 * 1024 * 1024;
    private const int MaxWeComMarkdownBytes = 4096;
    private const int MaxWeComTextBytes = 2048;

    private readonly WebApplication _app;
    private readonly string _weComKey, _dingTalkToken, _dingTalkSecret;
    private readonly object _gate = new();
    private readonly List<RobotRequest> _requests = [];
    private readonly Dictionary<string, Queue<(int Status, int ErrCode)>> _failures = [];
    private readonly Dictionary<string, int> _holds = [];
    private TaskCompletionSource _release = NewRelease();
    private int _held;

    /// <summary>http://127.0.0.1:PORT, no trailing slash.</summary>
    public string BaseUrl { get; }

    /// <summary>The WeCom robot URL with the right key.</summary>
    public string WeComUrl => $"{BaseUrl}/cgi-bin/webhook/send?key={Uri.EscapeDataString(_weComKey)}";

    /// <summary>The DingTalk robot URL with the right token, unsigned: the client appends timestamp and sign.</summary>
    public string DingTalkUrl => $"{BaseUrl}/robot/send?access_token={Uri.EscapeDataString(_dingTalkToken)}";

    /// <summary>The DingTalk signing secret the receiver checks against.</summary>
    public string DingTalkSecret => _dingTalkSecret;

    private RobotReceiver(WebApplication app, string baseUrl, string weComKey, string dingTalkToken, string dingTalkSecret)
    {
        (_app, BaseUrl, _weComKey, _dingTalkToken, _dingTalkSecret) = (app, baseUrl, weComKey, dingTalkToken, dingTalkSecret);
    }

    /// <summary>Starts both robots on one free loopback port.</summary>
    public static async Task<RobotReceiver> StartAsync(string weComKey = "wecom-test-key", string dingTalkToken = "ding-test-token",
        string dingTalkSecret = "SECtest-secret")
    {
        // the empty builder reads no appsettings.json or environment, so nothing from the test folder can add endpoints
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        RobotReceiver? receiver = null;
        app.Run(context => receiver!.HandleAsync(context));
        await app.StartAsync();
        var address = app.Urls.First();
        receiver = new RobotReceiver(app, address.TrimEnd('/'), weComKey, dingTalkToken, dingTalkSecret);
        return receiver;
    }

    /// <summary>Base64 of HMAC-SHA256(key = secret, data = timestamp + "\n" + secret), before URL-encoding, as DingTalk signs.</summary>
    public static string DingTalkSign(long timestampMs, string secret) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestampMs}\n{secret}")));

    /// <summary>Snapshot of every request received, in arrival order.</summary>
    public IReadOnlyList<RobotRequest> Requests { get { lock (_gate) return _requests.ToArray(); } }

    /// <summary>The requests of <paramref name="kind"/> answered HTTP 200 with errcode 0.</summary>
    public IReadOnlyList<RobotRequest> Accepted(string kind) =>
        Requests.Where(r => r.Kind == kind && r.HttpStatus == 200 && r.ErrCode == 0).ToArray();

    /// <summary>
    /// The next <paramref name="count"/> requests of <paramref name="kind"/> fail: with <paramref name="httpStatus"/> when it is not 200,
    /// else with HTTP 200 and <paramref name="errCode"/> (45009 WeCom rate limit, 130101 DingTalk "send too fast").
    /// </summary>
    public void FailNext(string kind, int count, int httpStatus = 503, int errCode = 0)
    {
        lock (_gate)
        {
            if (!_failures.TryGetValue(kind, out var queue)) _failures[kind] = queue = new();
            for (var i = 0; i < count; i++) queue.Enqueue((httpStatus, errCode));
        }
    }

    /// <summary>The next accepted request of <paramref name="kind"/> is recorded, its answer held until Release or disconnect.</summary>
    public void HoldNext(string kind)
    {
        lock (_gate) _holds[kind] = _holds.GetValueOrDefault(kind) + 1;
    }

    /// <summary>Answers every held request and drops holds not yet used.</summary>
    public void Release()
    {
        lock (_gate) _holds.Clear();
        Interlocked.Exchange(ref _release, NewRelease()).TrySetResult();
    }

    /// <summary>How many answers are being withheld right now.</summary>
    public int HeldCount => Volatile.Read(ref _held);

    /// <summary>Waits until <paramref name="kind"/> has at least <paramref name="count"/> accepted requests; false on timeout.</summary>
    public async Task<bool> WaitForAcceptedAsync(string kind, int count, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (Accepted(kind).Count < count)
        {
            if (DateTime.UtcNow > deadline) return false;
            await Task.Delay(20);
        }
        return true;
    }

    /// <summary>Releases held answers and stops the server.</summary>
    public async ValueTask DisposeAsync()
    {
        Release();
        using (var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5))) await _app.StopAsync(cts.Token);
        await _app.DisposeAsync();
    }

    /// <summary>Synchronous <see cref="DisposeAsync"/>.</summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private static TaskCompletionSource NewRelease() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.Value ?? "";
        var kind = path switch { "/cgi-bin/webhook/send" => WeCom, "/robot/send" => DingTalk, _ => "other" };
        string body;
        using (var reader = new StreamReader(request.Body, Encoding.UTF8)) body = await reader.ReadToEndAsync(context.RequestAborted);
        JsonDocument? json = null;
        try { json = JsonDocument.Parse(body); }
        catch (JsonException) { }
        var pathAndQuery = path + request.QueryString.Value;

        (int Status, int ErrCode, string ErrMsg) answer;
        bool hold = false;
        if (kind == "other") answer = (404, -1, "not found");
        else if (!HttpMethods.IsPost(request.Method)) answer = (405, -1, "method not allowed");
        else if (TakeFailure(kind) is { } failure)
            answer = failure.Status != 200 ? (failure.Status, -1, "scripted failure")
                : (200, failure.ErrCode, failure.ErrCode switch
                {
                    45009 => "api freq out of limit",
                    130101 => "send too fast, exceed 20 times per minute",
                    _ => "scripted failure",
                });
        else
        {
            var (code, message) = kind == WeCom ? CheckWeCom(request.Query, json) : CheckDingTalk(request.Query, json);
            answer = (200, code, message);
        }

        var release = Volatile.Read(ref _release).Task;
        lock (_gate)
        {
            if (answer is (200, 0, _) && _holds.GetValueOrDefault(kind) > 0)
            {
                _holds[kind]--;
                hold = true;
            }
            _requests.Add(new RobotRequest(kind, pathAndQuery, body, json ?? JsonDocument.Parse("null"), answer.Status, answer.ErrCode));
        }
        if (hold)
        {
            // a client that dies mid-send never gets its answer; the request has nonetheless been recorded as accepted
            Interlocked.Increment(ref _held);
            try { await release.WaitAsync(context.RequestAborted); }
            catch (OperationCanceledException) { return; }
            finally { Interlocked.Decrement(ref _held); }
        }

        context.Response.StatusCode = answer.Status;
        if (answer.Status == 200 || answer.ErrCode != -1)
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.WriteAsync(JsonSerializer.Serialize(new { errcode = answer.ErrCode, errmsg = answer.ErrMsg }));
        }
        else await context.Response.WriteAsync(answer.ErrMsg);
    }

    private (int Status, int ErrCode)? TakeFailure(string kind)
    {
        lock (_gate) return _failures.TryGetValue(kind, out var queue) && queue.Count > 0 ? queue.Dequeue() : null;
    }

    private (int ErrCode, string ErrMsg) CheckWeCom(IQueryCollection query, JsonDocument? json)
    {
        if (query["key"].ToString() != _weComKey) return (93000, "invalid webhook url");
        if (json is not { RootElement.ValueKind: JsonValueKind.Object }) return (40000, "invalid json");
        var root = json.RootElement;
        switch (Str(root, "msgtype"))
        {
            case "text":
                var text = Str(root, "text", "content");
                if (string.IsNullOrEmpty(text)) return (40058, "text.content is empty");
                return Encoding.UTF8.GetByteCount(text) > MaxWeComTextBytes ? (40058, "text.content exceeds 2048 bytes") : (0, "ok");
            case "markdown":
                var markdown = Str(root, "markdown", "content");
                if (string.IsNullOrEmpty(markdown)) return (40058, "markdown.content is empty");
                return Encoding.UTF8.GetByteCount(markdown) > MaxWeComMarkdownBytes
                    ? (40058, "markdown.content exceeds 4096 bytes") : (0, "ok");
            case "image":
                return CheckWeComImage(Str(root, "image", "base64"), Str(root, "image", "md5"));
            case "news":
                if (!root.TryGetProperty("news", out var news) || news.ValueKind != JsonValueKind.Object
                    || !news.TryGetProperty("articles", out var articles) || articles.ValueKind != JsonValueKind.Array)
                    return (40058, "news.articles is missing");
                var count = articles.GetArrayLength();
                if (count is < 1 or > 8) return (40058, "news.articles must hold 1 to 8 articles");
                foreach (var article in articles.EnumerateArray())
                    if (string.IsNullOrEmpty(Str(article, "title")) || string.IsNullOrEmpty(Str(article, "url")))
                        return (40058, "news article needs title and url");
                return (0, "ok");
            default:
                return (40008, "invalid message type");
        }
    }

    private static (int ErrCode, string ErrMsg) CheckWeComImage(string? base64, string? md5)
    {
        if (string.IsNullOrEmpty(base64) || string.IsNullOrEmpty(md5)) return (40058, "image.base64 and image.md5 are required");
        byte[] bytes;
        try { bytes = Convert.FromBase64String(base64); }
        catch (FormatException) { return (40009, "invalid image: base64 does not decode"); }
        if (bytes.Length > MaxWeComImageBytes) return (40009, "invalid image size: over 2 MB");
        var png = bytes.AsSpan().StartsWith((byte[])[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var jpeg = bytes.AsSpan().StartsWith((byte[])[0xFF, 0xD8, 0xFF]);
        if (!png && !jpeg) return (40009, "invalid image format: not PNG or JPEG");
        // lowercase hex of the MD5 of the image bytes, not of the base64 text
        if (md5 != Convert.ToHexStringLower(MD5.HashData(bytes))) return (301019, "media md5 mismatch");
        return (0, "ok");
    }

    private (int ErrCode, string ErrMsg) CheckDingTalk(IQueryCollection query, JsonDocument? json)
    {
        if (query["access_token"].ToString() != _dingTalkToken) return (300001, "token is not exist");
        // the query is already URL-decoded here, so a sign sent without URL-encoding ('+' read as space) fails, as at DingTalk
        if (!long.TryParse(query["timestamp"].ToString(), out var timestamp)
            || Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - timestamp) > 3_600_000
            || query["sign"].ToString() != DingTalkSign(timestamp, _dingTalkSecret))
            return (310000, "sign not match");
        if (json is not { RootElement.ValueKind: JsonValueKind.Object }) return (40035, "缺少参数 json");
        var root = json.RootElement;
        switch (Str(root, "msgtype"))
        {
            case "text":
                return Required(root, "text", "content");
            case "markdown":
                return Required(root, "markdown", "title", "text");
            case "link":
                return Required(root, "link", "title", "text", "messageUrl");
            case "actionCard":
                var missing = Required(root, "actionCard", "title", "text");
                if (missing.ErrCode != 0) return missing;
                var card = root.GetProperty("actionCard");
                var single = !string.IsNullOrEmpty(Str(card, "singleTitle")) && !string.IsNullOrEmpty(Str(card, "singleURL"));
                var buttons = card.TryGetProperty("btns", out var btns)
                    && btns.ValueKind == JsonValueKind.Array && btns.GetArrayLength() > 0;
                return single || buttons ? (0, "ok") : (40035, "缺少参数 actionCard.singleTitle/singleURL or btns");
            default:
                return (40035, "缺少参数 msgtype");
        }
    }

    private static (int ErrCode, string ErrMsg) Required(JsonElement root, string section, params string[] fields)
    {
        foreach (var field in fields)
            if (string.IsNullOrEmpty(Str(root, section, field))) return (40035, $"缺少参数 {section}.{field}");
        return (0, "ok");
    }

    /// <summary>The string at the given property path, or null when absent or not a string.</summary>
    private static string? Str(JsonElement element, params string[] path)
    {
        foreach (var name in path)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element)) return null;
        }
        return element.ValueKind == JsonValueKind.String ? element.GetString() : null;
    }
}
