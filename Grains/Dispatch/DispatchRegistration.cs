using Microsoft.Extensions.DependencyInjection;

using Tandem.Grains.Infrastructure;

namespace Tandem.Grains.Dispatch;

/// <summary>The dispatch feature in a silo: its options, bound from <see cref="Section"/> and checked before the silo starts.</summary>
public static class DispatchRegistration
{
    public const string Section = "Tandem:Dispatch";

    public static IServiceCollection AddDispatch(this IServiceCollection services) =>
        services.AddValidatedOptions<DispatchOptions>(Section, Problems);

    private static IEnumerable<string> Problems(DispatchOptions options)
    {
        if (options.OfferTimeout <= TimeSpan.Zero)
        {
            yield return $"{Section}:{nameof(options.OfferTimeout)} must be positive.";
        }

        if (options.WindowMin <= TimeSpan.Zero || options.WindowMax < options.WindowMin)
        {
            yield return $"{Section}:{nameof(options.WindowMin)} must be positive and at most {nameof(options.WindowMax)}.";
        }

        if (options.BusyAt <= 0)
        {
            yield return $"{Section}:{nameof(options.BusyAt)} must be positive.";
        }

        if (!(options.ZoneKm is >= 0.5 and <= 100) || !(options.EdgeKm is >= 0 and <= 50))
        {
            yield return $"{Section}:{nameof(options.ZoneKm)} must be 0.5–100 km and {nameof(options.EdgeKm)} 0–50 km.";
        }

        if (!(options.QuietLoadFactor is >= 1 and <= 100))
        {
            yield return $"{Section}:{nameof(options.QuietLoadFactor)} must be 1–100.";
        }

        if (options.WidenAfter < TimeSpan.Zero)
        {
            yield return $"{Section}:{nameof(options.WidenAfter)} must not be negative.";
        }

        if (!Enum.IsDefined(options.Policy))
        {
            yield return $"{Section}:{nameof(options.Policy)} must be {string.Join(" or ", Enum.GetNames<DispatchPolicy>())}.";
        }

        if (options.BusyZoneHold < TimeSpan.Zero)
        {
            yield return $"{Section}:{nameof(options.BusyZoneHold)} must not be negative.";
        }

        if (options.BoardRefresh <= TimeSpan.Zero)
        {
            yield return $"{Section}:{nameof(options.BoardRefresh)} must be positive.";
        }

        if (options.PromiseWithin <= TimeSpan.Zero)
        {
            yield return $"{Section}:{nameof(options.PromiseWithin)} must be positive.";
        }

        if (options.MaxRideToPickup <= TimeSpan.Zero)
        {
            yield return $"{Section}:{nameof(options.MaxRideToPickup)} must be positive.";
        }
    }
}
