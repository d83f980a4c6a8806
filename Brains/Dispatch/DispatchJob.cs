namespace Tandem.Brains.Dispatch;

/// <summary>A point on the map in degrees.</summary>
public readonly record struct Place(double Lat, double Lon);

/// <summary>An order ready for a courier: where it is picked up and dropped off, and by when it was promised.</summary>
public sealed record DispatchJob(string Id, Place Pickup, Place Dropoff, DateTimeOffset PromisedBy);

/// <summary>
/// A courier who can take a job now: where they are, how many jobs they already carry (of <see cref="Capacity"/>) and,
/// when known, those jobs (<see cref="Carried"/>: a new job is then weighed by what it adds to their whole route).
/// <see cref="HoldSeconds"/> is what taking this courier away from where they are costs (a busy zone keeps its couriers).
/// </summary>
public sealed record DispatchCourier(string Id, Place Position, int Load, int Capacity)
{
    public IReadOnlyList<CarriedJob> Carried { get; init; } = [];

    public double HoldSeconds { get; init; }
}

/// <summary>A job a courier carries: its pickup while not yet collected (null once it is), its drop-off and promise.</summary>
public sealed record CarriedJob(string Id, Place? Pickup, Place Dropoff, DateTimeOffset PromisedBy);
