using Microsoft.Extensions.DependencyInjection;

using Tandem.Contracts.Weather;
using Tandem.Grains.Infrastructure;
using Tandem.Grains.Interfaces.Weather;

namespace Tandem.Grains.Weather;

/// <summary>The city's rain: the feed's areas (replaced as a whole by each reading) and the ones set by id.</summary>
public sealed class WeatherGrain(
    [PersistentState("weather", StorageNames.Grains)] IPersistentState<WeatherState> state,
    [FromKeyedServices(TandemClock.Key)] TimeProvider clock) : Grain, IWeatherGrain
{
    public const string FeedSource = "feed";

    /// <summary>At most this many areas are held; the ones ending soonest give way.</summary>
    public const int MaxAreas = 200;

    private Dictionary<string, RainArea> Rain => state.State.Rain;

    public async Task SetRainAsync(RainArea area)
    {
        if (Rain.TryGetValue(area.Id, out var held) && held == area)
        {
            return;
        }

        DropEnded();
        Rain[area.Id] = area;
        Trim();
        await state.SaveAsync(this);
    }

    public async Task ClearRainAsync(string id)
    {
        if (Rain.Remove(id))
        {
            await state.SaveAsync(this);
        }
    }

    public async Task ReplaceFeedAsync(IReadOnlyList<RainArea> areas)
    {
        var fromFeed = areas.Select(a => a with { Id = FeedSource + ":" + a.Id, Source = FeedSource }).ToList();
        var held = Rain.Values.Where(a => a.Source == FeedSource).OrderBy(a => a.Id, StringComparer.Ordinal).ToList();
        if (held.SequenceEqual(fromFeed.OrderBy(a => a.Id, StringComparer.Ordinal)))
        {
            return;
        }

        foreach (var old in held)
        {
            Rain.Remove(old.Id);
        }

        DropEnded();
        fromFeed.ForEach(a => Rain[a.Id] = a);
        Trim();
        await state.SaveAsync(this);
    }

    public Task<IReadOnlyList<RainArea>> GetRainAsync()
    {
        var now = clock.GetUtcNow();
        return Task.FromResult<IReadOnlyList<RainArea>>([.. Rain.Values.Where(a => a.Until > now).OrderBy(a => a.Id, StringComparer.Ordinal)]);
    }

    private void DropEnded()
    {
        var now = clock.GetUtcNow();
        foreach (var ended in Rain.Values.Where(a => a.Until <= now).ToList())
        {
            Rain.Remove(ended.Id);
        }
    }

    private void Trim()
    {
        foreach (var extra in Rain.Values.OrderByDescending(a => a.Until).Skip(MaxAreas).ToList())
        {
            Rain.Remove(extra.Id);
        }
    }
}
