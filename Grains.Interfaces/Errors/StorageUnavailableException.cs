namespace Tandem.Grains.Interfaces.Errors;

/// <summary>
/// A grain could not save (or load) its state; nothing it was asked to do took effect. Retrying later is safe:
/// every Tandem command is idempotent.
/// </summary>
[GenerateSerializer, Alias("tandem.storage-unavailable")]
public sealed class StorageUnavailableException : Exception
{
    public StorageUnavailableException()
    {
    }

    public StorageUnavailableException(string message)
        : base(message)
    {
    }

    public StorageUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
