namespace Tandem.Brains.Dispatch;

/// <summary>A point on the map in degrees.</summary>
public readonly record struct Place(double Lat, double Lon);

/// <summary>An order ready for a courier: where it is picked up and dropped off, and by when it was promised.</summary>
public sealed record DispatchJob(string Id, Place Pickup, Place Dropoff, DateTimeOffset PromisedBy);

/// <summary>A courier who can take a job now: where they are and how many jobs they already carry (of <see cref="Capacity"/>).</summary>
public sealed record DispatchCourier(string Id, Place Position, int Load, int Capacity);
