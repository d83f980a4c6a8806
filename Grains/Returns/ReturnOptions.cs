namespace Tandem.Grains.Returns;

/// <summary>The return policy; bound from configuration section <c>Tandem:Returns</c>.</summary>
public sealed class ReturnOptions
{
    /// <summary>Days after delivery or collection an item may be returned, unless its category says otherwise.</summary>
    public int WindowDays { get; set; } = 30;

    /// <summary>Return windows of categories that differ from <see cref="WindowDays"/>.</summary>
    public Dictionary<string, int> CategoryWindowDays { get; set; } = new(StringComparer.OrdinalIgnoreCase) { ["electronics"] = 14 };

    /// <summary>Categories returned only unopened unless faulty.</summary>
    public List<string> SealedCategories { get; set; } = ["beauty", "grocery", "baby"];

    /// <summary>How long after a write that left a claim or release unfinished the sweeper finishes it.</summary>
    public TimeSpan CatchUpAfter { get; set; } = TimeSpan.FromMinutes(1);
}
