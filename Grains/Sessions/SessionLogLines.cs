using System.Collections.Frozen;
using System.Text.Json;

using Tandem.Brains.Intent;
using Tandem.Contracts.Sessions;

namespace Tandem.Grains.Sessions;

/// <summary>A session's behaviour as session-log lines: the event's type under its wire name (<c>scrollSpeed</c>), with the product's category.</summary>
public static class SessionLogLines
{
    private static readonly FrozenDictionary<BehaviourType, string> Kinds =
        Enum.GetValues<BehaviourType>().ToFrozenDictionary(t => t, t => JsonNamingPolicy.CamelCase.ConvertName(t.ToString()));

    /// <summary>The line of <paramref name="e"/>, the session's event number <paramref name="seq"/> (null for a line that only feeds a live score).</summary>
    public static SessionLogLine Of(string sessionId, BehaviourEvent e, string? category, long? seq = null) => new()
    {
        Seq = seq,
        Session = sessionId,
        Kind = Kinds[e.Type],
        Sku = e.Sku,
        Category = category,
        At = e.At,
        Value = e.Value,
        Y = e.Y,
    };
}
