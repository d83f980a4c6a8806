using Tandem.Contracts.Dispatch;

namespace Tandem.Grains.Interfaces.Dispatch;

/// <summary>One order's dispatch decisions (key: the order id), oldest first: why each offer went where it did and what became of it.</summary>
public interface IDispatchRecordGrain : IGrainWithStringKey
{
    /// <summary>A window offered the order: kept once per window and courier (a repeat changes nothing).</summary>
    Task AddAsync(DispatchChoice choice);

    /// <summary>What became of the offer made in <paramref name="window"/> to <paramref name="courierId"/>; a later word for a closed offer changes nothing.</summary>
    Task CloseAsync(DateTimeOffset window, string courierId, DispatchOutcome outcome, DateTimeOffset at);

    [ReadOnly]
    Task<IReadOnlyList<DispatchChoice>> GetAsync();
}
