using Microsoft.AspNetCore.SignalR.Client;

using Tandem.Contracts.Couriers;
using Tandem.Contracts.Hubs;

namespace Tandem.Simulator.City;

/// <summary>
/// A courier's phone in a rider's pocket: goes online, answers offers after a few seconds (mostly yes), rides
/// the street grid at the rider's speed reporting its position, collects at the store and hands over at the door.
/// </summary>
public sealed class CourierAgent(TandemClient client, Random random, SimulatedTime time, CityStats stats)
{
    public const double AcceptProbability = 0.9;

    /// <summary>At least this much wall-clock time between position reports.</summary>
    private static readonly TimeSpan ReportEvery = TimeSpan.FromSeconds(1);

    private readonly double _kmh = 15 + random.NextDouble() * 10;
    private CourierView? _me;
    private readonly Lock _gate = new();

    private string Id => client.Subject;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        _me = await client.GetAsync<CourierView>($"/api/couriers/{Id}", cancellationToken);
        if (_me is null)
        {
            return;
        }

        await using var hub = client.Hub(HubContract.Routes.Courier);
        hub.On<CourierChanged>(HubContract.Events.CourierChanged, change => Keep(change.Courier));
        hub.On<CourierOffer>(HubContract.Events.Offer, offer => _ = AnswerAsync(offer, cancellationToken));
        await hub.StartAsync(cancellationToken);
        await hub.InvokeAsync(HubContract.Methods.Join, Id, cancellationToken);
        await client.PostAsync($"/api/couriers/{Id}/status", new { status = "idle" }, cancellationToken);
        if (_me.Offer is { } pending)
        {
            _ = AnswerAsync(pending, cancellationToken);
        }

        var position = _me.Position ?? Streets.Address(random);
        var last = DateTimeOffset.UtcNow;
        using var tick = new PeriodicTimer(ReportEvery);
        while (await tick.WaitForNextTickAsync(cancellationToken))
        {
            var now = DateTimeOffset.UtcNow;
            var km = _kmh * (now - last).TotalHours * time.Pace;
            last = now;
            var me = Current();
            var job = me.Assignments.FirstOrDefault(a => !a.PickedUp) ?? (me.Assignments.Count > 0 ? me.Assignments[0] : null);
            if (job is null)
            {
                continue;
            }

            var target = job.PickedUp ? job.Dropoff : job.Pickup;
            position = Streets.Advance(position, target, km);
            await client.PostAsync($"/api/couriers/{Id}/position", new { lat = position.Lat, lon = position.Lon, at = now }, cancellationToken);
            if (Streets.Arrived(position, target))
            {
                await time.WaitAsync(SimulatedTime.Between(random, 30, 120), cancellationToken); // at the counter or the door
                var step = job.PickedUp ? "delivered" : "picked-up";
                var (status, _) = await client.PostAsync($"/api/orders/{job.OrderId}/{step}", new { }, cancellationToken);
                if (status == 200 && job.PickedUp)
                {
                    Interlocked.Increment(ref stats.Delivered);
                }

                Keep((await client.GetAsync<CourierView>($"/api/couriers/{Id}", cancellationToken))!);
                last = DateTimeOffset.UtcNow;
            }
        }
    }

    private async Task AnswerAsync(CourierOffer offer, CancellationToken cancellationToken)
    {
        try
        {
            await time.WaitAsync(SimulatedTime.Between(random, 2, 10), cancellationToken);
            var accept = random.NextDouble() < AcceptProbability;
            var (status, _) = await client.PostAsync($"/api/couriers/{Id}/offers/{offer.OrderId}/{(accept ? "accept" : "decline")}", new { }, cancellationToken);
            if (status == 200)
            {
                if (accept)
                {
                    Interlocked.Increment(ref stats.OffersAccepted);
                }
                else
                {
                    Interlocked.Increment(ref stats.OffersDeclined);
                }

                Keep((await client.GetAsync<CourierView>($"/api/couriers/{Id}", cancellationToken))!);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception)
        {
            Interlocked.Increment(ref stats.Errors);
        }
    }

    private void Keep(CourierView view)
    {
        lock (_gate)
        {
            if (_me is null || view.Version >= _me.Version)
            {
                _me = view;
            }
        }
    }

    private CourierView Current()
    {
        lock (_gate)
        {
            return _me!;
        }
    }
}
