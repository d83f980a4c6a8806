using Tandem.Contracts.Recommendations;
using Tandem.Grains.Interfaces.Keys;

namespace Tandem.Grains.Recommendations;

/// <summary>
/// The bandit records a recommender weighs by: what the weights stream told it, or what it read from the segment's
/// record when it heard nothing for <see cref="FreshFor"/> (a stream event can be lost; the record cannot).
/// </summary>
internal sealed class WeightsCache(IGrainFactory grains, TimeProvider clock)
{
    public static readonly TimeSpan FreshFor = TimeSpan.FromSeconds(10);

    private readonly Dictionary<string, (ArmWeightsChanged Record, DateTimeOffset Read)> _held = new(StringComparer.Ordinal);

    public async Task<ArmWeightsChanged> GetAsync(string segment)
    {
        if (_held.TryGetValue(segment, out var held) && clock.GetUtcNow() - held.Read <= FreshFor)
        {
            return held.Record;
        }

        var record = await grains.ArmWeights(segment).GetAsync();
        Heard(record);
        return _held[segment].Record;
    }

    /// <summary>Keeps <paramref name="record"/> unless a newer one is held; true when it is newer than what was held.</summary>
    public bool Heard(ArmWeightsChanged record)
    {
        var now = clock.GetUtcNow();
        if (_held.TryGetValue(record.Segment, out var held) && held.Record.Version >= record.Version)
        {
            _held[record.Segment] = (held.Record, now);
            return false;
        }

        _held[record.Segment] = (record, now);
        return true;
    }
}
