using Microsoft.Extensions.DependencyInjection;

using Tandem.Grains.Infrastructure;
using Tandem.Grains.Interfaces.Keys;

namespace Tandem.Grains.Inventory;

/// <summary>The inventory feature in a silo: its options, bound from <see cref="Section"/> and checked before the silo starts.</summary>
public static class InventoryRegistration
{
    public const string Section = "Tandem:Inventory";

    public static IServiceCollection AddInventory(this IServiceCollection services) =>
        services.AddValidatedOptions<InventoryOptions>(Section, Problems);

    private static IEnumerable<string> Problems(InventoryOptions options)
    {
        if (options.Buckets is < 0 or > BucketKey.MaxBuckets)
        {
            yield return $"{Section}:{nameof(options.Buckets)} must be 0–{BucketKey.MaxBuckets}.";
        }

        if (options.SplitAtReservationsPerSecond < 1)
        {
            yield return $"{Section}:{nameof(options.SplitAtReservationsPerSecond)} must be at least 1.";
        }

        if (options.QuietBelowReservationsPerSecond < 0 || options.QuietBelowReservationsPerSecond >= options.SplitAtReservationsPerSecond)
        {
            yield return $"{Section}:{nameof(options.QuietBelowReservationsPerSecond)} must be 0 or more and below {nameof(options.SplitAtReservationsPerSecond)}.";
        }

        if (options.MergeAfterQuiet <= TimeSpan.Zero)
        {
            yield return $"{Section}:{nameof(options.MergeAfterQuiet)} must be positive.";
        }

        if (options.TotalsEvery < TimeSpan.FromMilliseconds(10) || options.TotalsEvery > TimeSpan.FromSeconds(1))
        {
            yield return $"{Section}:{nameof(options.TotalsEvery)} must be 10 ms – 1 s (totals reach screens within a second).";
        }
    }
}
