namespace Tandem.Grains.Interfaces.Sessions;

public static class SessionLimits
{
    /// <summary>How many behaviour events a session keeps.</summary>
    public const int MaxRecentEvents = 200;

    /// <summary>Most events accepted in one batch.</summary>
    public const int MaxEventsPerBatch = 500;
}
