using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

using Orleans.Streams;
using Orleans.Streams.Core;

using Tandem.Contracts.Couriers;
using Tandem.Grains.Dispatch;
using Tandem.Grains.Interfaces.Couriers;
using Tandem.Grains.Interfaces.Keys;

namespace Tandem.Grains.Couriers;

/// <summary>
/// The read model of one courier-stream partition, implicitly subscribed to it: every <see cref="CourierChanged"/>
/// replaces the courier's view when its version is newer. On activation, and every
/// <see cref="DispatchOptions.BoardRefresh"/> after, it reads its couriers from their grains once, so an event the
/// (not durable) stream lost is healed. Derived data, in memory only.
/// </summary>
[ImplicitStreamSubscription(CourierChanged.StreamNamespace)]
public sealed class CourierBoardGrain(IOptions<DispatchOptions> options, ILogger<CourierBoardGrain> logger)
    : Grain, ICourierBoardGrain, IStreamSubscriptionObserver
{
    private readonly Dictionary<string, CourierView> _couriers = new(StringComparer.Ordinal);
    private StreamPartition _partition;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _partition = StreamPartition.Parse(this.GetPrimaryKeyString());
        await ReloadAsync();
        this.RegisterGrainTimer(ReloadAsync, new GrainTimerCreationOptions
        {
            DueTime = options.Value.BoardRefresh, Period = options.Value.BoardRefresh, Interleave = true,
        });
    }

    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory) =>
        await handleFactory.Create<CourierChanged>().ResumeAsync((change, _) =>
        {
            Apply(change.Courier);
            return Task.CompletedTask;
        });

    public Task<IReadOnlyList<CourierView>> GetAllAsync() => Task.FromResult<IReadOnlyList<CourierView>>([.. _couriers.Values]);

    public Task<IReadOnlyList<CourierView>> GetWithinAsync(double south, double west, double north, double east) =>
        Task.FromResult<IReadOnlyList<CourierView>>([.. _couriers.Values.Where(c =>
            c.Position is { } p && p.Lat >= south && p.Lat <= north && p.Lon >= west && p.Lon <= east)]);

    private void Apply(CourierView courier)
    {
        if (!_couriers.TryGetValue(courier.CourierId, out var known) || known.Version < courier.Version)
        {
            _couriers[courier.CourierId] = courier;
        }
    }

    private async Task ReloadAsync()
    {
        try
        {
            var ids = (await GrainFactory.CourierDirectory().GetAllAsync()).Where(id => StreamPartition.Of(id) == _partition);
            foreach (var courier in await Task.WhenAll(ids.Select(id => GrainFactory.Courier(new CourierId(id)).GetAsync())))
            {
                if (courier is not null)
                {
                    Apply(courier);
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.BoardReadFailed(ex, _partition);
        }
    }
}
