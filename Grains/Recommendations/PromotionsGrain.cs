using Microsoft.Extensions.DependencyInjection;

using Tandem.Contracts.Recommendations;
using Tandem.Grains.Infrastructure;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Grains.Interfaces.Recommendations;

namespace Tandem.Grains.Recommendations;

/// <summary>The products being promoted. A promotion copies the product's name, category and scenes so recommenders can match it to a session without asking the catalog; promotions whose end passed are dropped with the next change.</summary>
public sealed class PromotionsGrain(
    [PersistentState("promotions", StorageNames.Grains)] IPersistentState<PromotionsState> state,
    [FromKeyedServices(TandemClock.Key)] TimeProvider clock) : Grain, IPromotionsGrain
{
    private PromotionsState S => state.State;

    public async Task<PromoteAnswer> PromoteAsync(string sku, string reason, string source, DateTimeOffset? until)
    {
        var product = await GrainFactory.Catalog().GetProductAsync(sku);
        if (product is null)
        {
            return new PromoteAnswer { Refused = PromoteRefusal.UnknownProduct };
        }

        var now = clock.GetUtcNow();
        if (S.Items.TryGetValue(sku, out var running) && running.Reason == reason && running.Source == source && running.Until == until && Running(running, now))
        {
            return new PromoteAnswer { Promotion = running };
        }

        var ended = S.Items.Where(p => !Running(p.Value, now)).Select(p => p.Key).ToList();
        ended.ForEach(k => S.Items.Remove(k));
        if (!S.Items.ContainsKey(sku) && S.Items.Count >= IPromotionsGrain.MaxPromotions)
        {
            return new PromoteAnswer { Refused = PromoteRefusal.TooMany };
        }

        var promotion = new Promotion
        {
            Sku = sku, Name = product.Name, Category = product.Category, Scenes = product.SceneTags, Reason = reason, Source = source, Since = now, Until = until,
        };
        S.Items[sku] = promotion;
        S.Version++;
        await state.SaveAsync(this);
        return new PromoteAnswer { Promotion = promotion };
    }

    public async Task<bool> EndAsync(string sku)
    {
        if (!S.Items.Remove(sku))
        {
            return false;
        }

        S.Version++;
        await state.SaveAsync(this);
        return true;
    }

    public Task<Promotions> GetAsync()
    {
        var now = clock.GetUtcNow();
        return Task.FromResult(new Promotions
        {
            Items = [.. S.Items.Values.Where(p => Running(p, now)).OrderBy(p => p.Sku, StringComparer.Ordinal)],
            Version = S.Version,
        });
    }

    private static bool Running(Promotion promotion, DateTimeOffset now) => promotion.Until is not { } until || until > now;
}
