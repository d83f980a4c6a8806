using Tandem.Grains.Interfaces.Keys;

namespace Tandem.Grains.Interfaces.Couriers;

/// <summary>The ids of all registered couriers, so they can be listed.</summary>
public interface ICourierDirectoryGrain : IGrainWithStringKey
{
    /// <summary>Adds a courier id. Idempotent.</summary>
    Task AddAsync(CourierId courier);

    /// <summary>All registered courier ids, sorted.</summary>
    [ReadOnly]
    Task<IReadOnlyList<string>> GetAllAsync();
}
