namespace Tandem.Brains.Intent;

/// <summary>
/// One line of the session log (JSON, one per line): a piece of behaviour as the shop sent it (<see cref="Kind"/> is the
/// wire's event type: <c>view</c>, <c>dwell</c>, <c>scroll</c>, <c>scrollSpeed</c>, <c>click</c>, <c>sizeChart</c>,
/// <c>addToCart</c>) with the product's category, or <c>order</c> when the session placed one. Live scoring reads a
/// session's events through <see cref="ToIntent"/> too, so a model trained on the log sees what it is served.
/// </summary>
public sealed record SessionLogLine
{
    public const string OrderKind = "order";

    public required string Session { get; init; }

    public required string Kind { get; init; }

    public string? Sku { get; init; }

    public string? Category { get; init; }

    public required DateTimeOffset At { get; init; }

    /// <summary>Dwell milliseconds, scroll depth (0–1), scroll speed (pixels a second), quantity put in the cart.</summary>
    public double? Value { get; init; }

    /// <summary>Where a click landed, as a fraction of the page's height (0–1).</summary>
    public double? Y { get; init; }

    /// <summary>The order placed, for <see cref="OrderKind"/>.</summary>
    public string? Order { get; init; }

    /// <summary>
    /// Behaviour: the event's number in its session (0 first, in the order the session accepted them). Order: how many
    /// events the session had accepted when it was placed. Orders are timed by the server and behaviour by the shopper's
    /// device, so the log tells what came before a purchase by these numbers, not by the clocks.
    /// </summary>
    public long? Seq { get; init; }

    /// <summary>The behaviour as a model reads it; null for an order or a kind no model reads.</summary>
    public IntentEvent? ToIntent()
    {
        IntentSignal? signal = Kind switch
        {
            "view" => IntentSignal.View,
            "dwell" => IntentSignal.Dwell,
            "scroll" => IntentSignal.Scroll,
            "scrollSpeed" => IntentSignal.ScrollSpeed,
            "click" => IntentSignal.Click,
            "sizeChart" => IntentSignal.SizeChart,
            "addToCart" => IntentSignal.AddToCart,
            _ => null,
        };
        return signal is { } s ? new IntentEvent(s, Sku, Category, At, s == IntentSignal.Click ? Y ?? 0 : Value ?? 0) : null;
    }
}
