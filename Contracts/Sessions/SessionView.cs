namespace Tandem.Contracts.Sessions;

/// <summary>A shopper session as clients see it.</summary>
[GenerateSerializer, Immutable, Alias("tandem.session-view")]
public sealed record SessionView
{
    [Id(0)] public required string SessionId { get; init; }

    [Id(1)] public required IReadOnlyList<CartLine> Cart { get; init; }

    /// <summary>The most recent behaviour events, oldest first, at most the session's limit (SessionLimits.MaxRecentEvents).</summary>
    [Id(2)] public required IReadOnlyList<BehaviourEvent> RecentEvents { get; init; }

    [Id(3)] public required IReadOnlyList<string> OpenOrders { get; init; }

    /// <summary>All behaviour events ever accepted, including those no longer in <see cref="RecentEvents"/>.</summary>
    [Id(4)] public required long EventsSeen { get; init; }

    [Id(5)] public required long Version { get; init; }

    /// <summary>The owning shopper; null while nobody has used the session.</summary>
    [Id(6)] public string? ShopperId { get; init; }

    /// <summary>The session's purchase intent after its latest batch of behaviour; null before any.</summary>
    [Id(7)] public PurchaseIntent? Intent { get; init; }

    /// <summary>When the shopper last changed the session (behaviour, cart, orders), on the server's clock.</summary>
    [Id(8)] public DateTimeOffset? ChangedAt { get; init; }

    /// <summary>
    /// The region (dispatch zone, "r{row}c{col}") whose live KPIs count the session: that of the location nearest the
    /// place given with its first behaviour; null when none was given (it counts in the city's only).
    /// </summary>
    [Id(9)] public string? Region { get; init; }
}
