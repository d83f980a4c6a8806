namespace Tandem.Contracts.Sessions;

[GenerateSerializer, Alias("tandem.session-change-kind")]
public enum SessionChangeKind
{
    Cart = 0,
    Behaviour = 1,
    Orders = 2,
}

/// <summary>A shopper session changed. Published on the stream namespace <see cref="StreamNamespace"/>, partitioned by session id.</summary>
[GenerateSerializer, Immutable, Alias("tandem.session-changed")]
public sealed record SessionChanged
{
    /// <summary>What the control room's feed calls these events (<c>OpsEvent.Kind</c>).</summary>
    public const string OpsKind = "session";

    /// <summary>The stream namespace these events travel on.</summary>
    public const string StreamNamespace = "tandem.sessions";

    [Id(0)] public required string SessionId { get; init; }

    [Id(1)] public required SessionChangeKind Kind { get; init; }

    /// <summary>Skus the change concerns (cart line, viewed products).</summary>
    [Id(2)] public required IReadOnlyList<string> Skus { get; init; }

    /// <summary>How many behaviour events the change added.</summary>
    [Id(3)] public required int EventCount { get; init; }

    [Id(4)] public required long Version { get; init; }

    [Id(5)] public required DateTimeOffset At { get; init; }
}
