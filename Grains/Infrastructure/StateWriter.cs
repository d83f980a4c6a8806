using Tandem.Grains.Interfaces.Errors;

namespace Tandem.Grains.Infrastructure;

/// <summary>Writes grain state so that a failed write never leaves a changed but unsaved state in memory.</summary>
public static class StateWriter
{
    /// <summary>
    /// Writes the state. If storage fails, the activation is dropped once this call ends, so the next call
    /// reads the last saved state instead of the unsaved change, and the failure reaches the caller.
    /// </summary>
    public static async Task SaveAsync<T>(this IPersistentState<T> state, Grain grain)
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch (Exception ex)
        {
            grain.DeactivateOnIdle();
            throw new StorageUnavailableException($"{grain.GetType().Name} could not save its state; nothing changed.", ex);
        }
    }
}
