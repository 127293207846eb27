using System.Net.Sockets;
using System.Security.Cryptography;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Warehouse.Reports.Delivery;

/// <summary>Sends mail over SMTP with MailKit: STARTTLS before authenticating, the server's certificate checked (or pinned), and
/// every failure sorted into transient, permanent or uncertain (<see cref="FailureKind"/>). Failure texts may quote the server;
/// <see cref="BriefingDelivery"/> scrubs every one before it is shown or stored.</summary>
public sealed class MailChannel(SmtpSettings smtp)
{
    /// <summary>Connects, authenticates, asks <paramref name="compose"/> for the message (given the size the server accepts) and
    /// sends it; returns the bytes sent.</summary>
    public long Send(Func<long, MimeMessage> compose, CancellationToken cancel)
    {
        using var client = new SmtpClient { Timeout = smtp.TimeoutSeconds * 1000 };
        client.ServerCertificateValidationCallback = (_, cert, _, errors) =>
            errors == System.Net.Security.SslPolicyErrors.None || Pinned(cert);
        MimeMessage message;
        try
        {
            var security = smtp.UseStartTls ? SecureSocketOptions.StartTls
                : smtp.Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.None;
            client.Connect(smtp.Host, smtp.Port, security, cancel);
            if (!string.IsNullOrEmpty(smtp.User)) client.Authenticate(smtp.User, smtp.Password ?? "", cancel);
            // The server's SIZE limit wins when it is smaller than ours.
            var limit = client.MaxSize > 0 ? Math.Min(smtp.MaxBytes, (long)client.MaxSize) : smtp.MaxBytes;
            message = compose(limit);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw NotSent(e);
        }
        long bytes;
        using (var counter = new MimeKit.IO.MeasuringStream())
        {
            message.WriteTo(counter, cancel);
            bytes = counter.Length;
        }
        try
        {
            client.Send(message, cancellationToken: cancel);
        }
        catch (Exception e) when (e is SmtpCommandException or ServiceNotAuthenticatedException)
        {
            // The server answered: the message was refused, not lost.
            throw NotSent(e);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The connection broke while the message was on its way: it may have arrived.
            throw new DeliveryFailure(FailureKind.Uncertain, $"SMTP 发送中断，可能已送达 / connection lost while sending: {e.Message}");
        }
        try { client.Disconnect(true, cancel); }
        catch (Exception e) when (e is IOException or SocketException or ProtocolException or ServiceNotConnectedException) { }
        return bytes;
    }

    // Failures before the message was handed over, and the server's refusals of it: nothing arrived. SMTP 4xx is worth
    // another try, 5xx is not.
    private DeliveryFailure NotSent(Exception e) => e switch
    {
        AuthenticationException => new DeliveryFailure(FailureKind.Permanent,
            $"SMTP 认证失败 / authentication refused for user {smtp.User} on {smtp.Host}:{smtp.Port}: {e.Message}"),
        SslHandshakeException => new DeliveryFailure(FailureKind.Permanent,
            $"SMTP TLS 证书不受信任 / {smtp.Host}:{smtp.Port}: the server's certificate is not trusted; set "
            + "Warehouse:Delivery:Smtp:CertificateSha256 to its SHA-256 if it is your office's own server"),
        SmtpCommandException c when (int)c.StatusCode is >= 400 and < 500 => new DeliveryFailure(FailureKind.Transient,
            $"SMTP {(int)c.StatusCode}: {c.Message}"),
        SmtpCommandException c => new DeliveryFailure(FailureKind.Permanent, $"SMTP {(int)c.StatusCode}: {c.Message}"),
        ServiceNotAuthenticatedException => new DeliveryFailure(FailureKind.Permanent,
            $"SMTP {smtp.Host}:{smtp.Port} 要求登录 / the server requires authentication: set Warehouse:Delivery:Smtp:User and Password"),
        NotSupportedException => new DeliveryFailure(FailureKind.Permanent,
            $"SMTP {smtp.Host}:{smtp.Port} 不支持 STARTTLS 或所需的登录方式 / the server does not offer STARTTLS or the login: "
            + e.Message),
        _ => new DeliveryFailure(FailureKind.Transient, $"SMTP {smtp.Host}:{smtp.Port} 无法连接 / not reachable: {e.Message}"),
    };

    private bool Pinned(System.Security.Cryptography.X509Certificates.X509Certificate? cert)
    {
        if (cert == null || string.IsNullOrWhiteSpace(smtp.CertificateSha256)) return false;
        var want = new string(smtp.CertificateSha256.Where(Uri.IsHexDigit).ToArray()).ToUpperInvariant();
        return Convert.ToHexString(SHA256.HashData(cert.GetRawCertData())) == want;
    }
}
