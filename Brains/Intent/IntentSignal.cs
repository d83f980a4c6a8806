namespace Tandem.Brains.Intent;

/// <summary>The kinds of behaviour purchase intent is read from.</summary>
public enum IntentSignal
{
    /// <summary>A product page opened.</summary>
    View,

    /// <summary>Time spent on a product (value: milliseconds).</summary>
    Dwell,

    /// <summary>The size chart opened.</summary>
    SizeChart,

    /// <summary>A click on a product in a list (value: its position, 0 first).</summary>
    Click,

    /// <summary>A product put in the cart.</summary>
    AddToCart,

    /// <summary>How far down a page the shopper scrolled (value: 0–1).</summary>
    Scroll,

    /// <summary>How fast the shopper scrolled a page (value: pixels a second, the fastest stretch).</summary>
    ScrollSpeed,
}
