using Tandem.Contracts.Recommendations;
using Tandem.Grains.Interfaces.Keys;

namespace Tandem.Grains.Recommendations;

/// <summary>The running promotions as a recommender read them lately, kept for <see cref="FreshFor"/>: few, and changed by people.</summary>
public sealed class PromotionsCache(IGrainFactory grains, TimeProvider clock)
{
    public static readonly TimeSpan FreshFor = TimeSpan.FromSeconds(10);

    private (Promotions Promotions, DateTimeOffset Read)? _held;

    public async Task<IReadOnlyList<Promotion>> GetAsync()
    {
        var now = clock.GetUtcNow();
        if (_held is not { } held || now - held.Read > FreshFor)
        {
            _held = held = (await grains.Promotions().GetAsync(), now);
        }

        return [.. held.Promotions.Items.Where(p => p.Until is not { } until || until > now)];
    }
}
