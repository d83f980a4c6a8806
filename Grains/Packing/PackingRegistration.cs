using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

using Tandem.Grains.Infrastructure;

namespace Tandem.Grains.Packing;

/// <summary>The packing feature in a silo: the box catalogue and rules (checked before the silo starts) and the silo's cache of plans.</summary>
public static class PackingRegistration
{
    public const string Section = "Tandem:Packing";

    public static IServiceCollection AddPacking(this IServiceCollection services)
    {
        services.TryAddSingleton<PackingCache>();
        return services.AddValidatedOptions<PackingOptions>(Section, Problems);
    }

    private static IEnumerable<string> Problems(PackingOptions options)
    {
        if (options.MinSupport is < 0 or > 1)
        {
            yield return $"{Section}:{nameof(options.MinSupport)} must be 0–1 (0.75: three quarters of each unit's base rests on something).";
        }

        if (options.TimeCapPerBox <= TimeSpan.Zero || options.TimeCapPerBox > TimeSpan.FromSeconds(5))
        {
            yield return $"{Section}:{nameof(options.TimeCapPerBox)} must be positive and at most 5 seconds.";
        }

        if (options.Attempts is < 1 or > 100_000)
        {
            yield return $"{Section}:{nameof(options.Attempts)} must be 1–100000.";
        }

        if (options.CacheSize is < 0 or > 1_000_000)
        {
            yield return $"{Section}:{nameof(options.CacheSize)} must be 0–1000000.";
        }

        for (var i = 0; i < options.Boxes.Count; i++)
        {
            var box = options.Boxes[i];
            if (string.IsNullOrWhiteSpace(box.Id) || options.Boxes.Take(i).Any(b => b.Id == box.Id))
            {
                yield return $"{Section}:{nameof(options.Boxes)}:{i}:{nameof(box.Id)} must be given and differ from the other boxes'.";
            }

            if (box.LengthCm is <= 0 or > 1000 || box.WidthCm is <= 0 or > 1000 || box.HeightCm is <= 0 or > 1000)
            {
                yield return $"{Section}:{nameof(options.Boxes)}:{i} needs a length, width and height of more than 0 and at most 1000 cm.";
            }

            if (box.MaxWeightKg <= 0)
            {
                yield return $"{Section}:{nameof(options.Boxes)}:{i}:{nameof(box.MaxWeightKg)} must be positive.";
            }
        }
    }
}
