namespace Warehouse.Reports.Delivery;

/// <summary>How a send failed, which decides what happens next.</summary>
public enum FailureKind
{
    /// <summary>Not delivered, and a later attempt may succeed (server busy, rate limit, connection refused): retried.</summary>
    Transient,
    /// <summary>Not delivered, and retrying will not help (wrong password, unknown address, bad signature): a person must act.</summary>
    Permanent,
    /// <summary>The message left and no answer came (connection lost after the data): it may have arrived, so it is not sent
    /// again unless a person asks.</summary>
    Uncertain,
}

/// <summary>A message that was not (or may not have been) delivered; its text names the channel and carries no secret.</summary>
public sealed class DeliveryFailure(FailureKind kind, string message) : Exception(message)
{
    /// <summary>Transient, permanent or uncertain.</summary>
    public FailureKind Kind { get; } = kind;
}
