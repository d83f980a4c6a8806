namespace Tandem.Grains.Inventory;

/// <summary>Changes made in memory that one state write will make durable, and who waits for it.</summary>
internal sealed class StateBatch<TChange>
{
    public List<TChange> Changes { get; } = [];

    public TaskCompletionSource Durable { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
