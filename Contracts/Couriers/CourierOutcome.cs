namespace Tandem.Contracts.Couriers;

[GenerateSerializer, Alias("tandem.courier-outcome")]
public enum CourierOutcome
{
    Applied = 0,

    /// <summary>Already so; nothing changed.</summary>
    Replayed = 1,

    /// <summary>A position older than the one held; ignored.</summary>
    Stale = 2,

    /// <summary>No courier registered under this id.</summary>
    NotFound = 3,

    /// <summary>The change is not allowed now (going offline while carrying orders).</summary>
    Conflict = 4,

    /// <summary>The courier is offline or carries as many orders as it can.</summary>
    Unavailable = 5,
}
