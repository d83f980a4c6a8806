namespace Tandem.Grains.Sessions;

/// <summary>Shopper sessions' settings (<c>Tandem:Sessions</c>).</summary>
public sealed class SessionOptions
{
    /// <summary>How long after a write holding lessons for the product graph the sweeper wakes the session, should they still be undelivered.</summary>
    public TimeSpan CatchUpAfter { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>A pick on screen and not clicked within this time counts as ignored: a miss for its strategy.</summary>
    public TimeSpan ImpressionWindow { get; set; } = TimeSpan.FromMinutes(30);
}
