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

        if (options.CheckEvery <= TimeSpan.Zero)
        {
            yield return $"{Section}:{nameof(options.CheckEvery)} must be positive.";
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
