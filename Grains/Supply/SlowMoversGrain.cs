using Microsoft.Extensions.DependencyInjection;

using Tandem.Contracts.Supply;
using Tandem.Grains.Infrastructure;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Grains.Interfaces.Recommendations;
using Tandem.Grains.Interfaces.Supply;

namespace Tandem.Grains.Supply;

/// <summary>The slow movers and their promotions; see <see cref="ISlowMoversGrain"/>.</summary>
public sealed class SlowMoversGrain(
    [PersistentState("slow-movers", StorageNames.Grains)] IPersistentState<SlowMoversState> state,
    [FromKeyedServices(TandemClock.Key)] TimeProvider clock) : Grain, ISlowMoversGrain
{
    private List<SlowMoverView> Flagged => state.State.Flagged;

    public async Task ReviewAsync(IReadOnlyList<SlowMoverView> flagged, IReadOnlyDictionary<string, double> soldPerDaySince)
    {
        var now = clock.GetUtcNow();
        var changed = false;
        foreach (var flag in flagged)
        {
            var known = Flagged.FindIndex(f => f.Sku == flag.Sku);
            if (known >= 0 && Flagged[known].PromotedUntil > now)
            {
                continue; // its promotion still runs
            }

            var until = now.AddDays(ISlowMoversGrain.PromotionDays);
            var promoted = await GrainFactory.Promotions().PromoteAsync(flag.Sku, flag.Reason, ISlowMoversGrain.Source, until);
            if (promoted.Refused != PromoteRefusal.None)
            {
                continue;
            }

            if (known >= 0)
            {
                Flagged.RemoveAt(known);
            }

            Flagged.Insert(0, flag with { FlaggedAt = now, PromotedUntil = until, SoldPerDaySince = null });
            changed = true;
        }

        for (var i = 0; i < Flagged.Count; i++)
        {
            if (soldPerDaySince.TryGetValue(Flagged[i].Sku, out var rate))
            {
                var perDay = Math.Round(rate, 3);
                if (Flagged[i].SoldPerDaySince != perDay)
                {
                    Flagged[i] = Flagged[i] with { SoldPerDaySince = perDay };
                    changed = true;
                }
            }
        }

        if (Flagged.Count > ISlowMoversGrain.Kept)
        {
            Flagged.RemoveRange(ISlowMoversGrain.Kept, Flagged.Count - ISlowMoversGrain.Kept);
        }

        if (changed)
        {
            await state.WriteStateAsync();
        }
    }

    public Task<IReadOnlyList<SlowMoverView>> GetAsync() => Task.FromResult<IReadOnlyList<SlowMoverView>>([.. Flagged]);
}
