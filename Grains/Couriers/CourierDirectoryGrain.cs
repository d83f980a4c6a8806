using Tandem.Grains.Infrastructure;
using Tandem.Grains.Interfaces.Couriers;
using Tandem.Grains.Interfaces.Keys;

namespace Tandem.Grains.Couriers;

public sealed class CourierDirectoryGrain(
    [PersistentState("courier-directory", StorageNames.Grains)] IPersistentState<CourierDirectoryState> state)
    : Grain, ICourierDirectoryGrain
{
    public async Task AddAsync(CourierId courier)
    {
        var courierId = courier.Value;
        if (state.State.CourierIds.Add(courierId))
        {
            await state.SaveAsync(this);
        }
    }

    public Task<IReadOnlyList<string>> GetAllAsync() =>
        Task.FromResult<IReadOnlyList<string>>([.. state.State.CourierIds.Order(StringComparer.Ordinal)]);
}
