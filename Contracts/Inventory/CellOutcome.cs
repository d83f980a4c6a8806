namespace Tandem.Contracts.Inventory;

/// <summary>How an inventory cell answered a command.</summary>
[GenerateSerializer, Alias("tandem.cell-outcome")]
public enum CellOutcome
{
    /// <summary>The command changed the cell.</summary>
    Applied = 0,

    /// <summary>The same command (same id and body) had already been applied; nothing changed.</summary>
    Replayed = 1,

    /// <summary>Not enough available stock; nothing changed.</summary>
    Insufficient = 2,

    /// <summary>The id is known with a different body, or the command would break an invariant; nothing changed.</summary>
    Conflict = 3,

    /// <summary>No such reservation (never made, expired or already released); nothing changed.</summary>
    UnknownReservation = 4,
}
