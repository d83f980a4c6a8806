using Microsoft.Extensions.DependencyInjection;

using Tandem.Grains.Infrastructure;

namespace Tandem.Grains.Orders;

/// <summary>The orders feature in a silo: its options, bound from <see cref="Section"/> and checked before the silo starts.</summary>
public static class OrdersRegistration
{
    public const string Section = "Tandem:Orders";

    public static IServiceCollection AddOrders(this IServiceCollection services) =>
        services.AddValidatedOptions<OrderOptions>(Section, Problems);

    private static IEnumerable<string> Problems(OrderOptions options)
    {
        foreach (var (key, value) in new[]
        {
            (nameof(options.ReservationTtl), options.ReservationTtl), (nameof(options.UnpackedExpiry), options.UnpackedExpiry),
            (nameof(options.DutyRetry), options.DutyRetry), (nameof(options.AbandonPlanAfter), options.AbandonPlanAfter),
            (nameof(options.CatchUpAfter), options.CatchUpAfter), (nameof(options.SweepEvery), options.SweepEvery),
        })
        {
            if (value <= TimeSpan.Zero)
            {
                yield return $"{Section}:{key} must be positive.";
            }
        }

        if (options.CatchUpWithin <= TimeSpan.Zero || options.CatchUpWithin > TimeSpan.FromMinutes(5))
        {
            yield return $"{Section}:{nameof(options.CatchUpWithin)} must be positive and at most 5 minutes.";
        }

        if (options.SweepBatch is < 1 or > 100_000)
        {
            yield return $"{Section}:{nameof(options.SweepBatch)} must be 1–100000.";
        }

        if (options.MaxReservedUnitsPerShopper < 1)
        {
            yield return $"{Section}:{nameof(options.MaxReservedUnitsPerShopper)} must be at least 1.";
        }

        if (options.PlaceAttempts is < 1 or > 10)
        {
            yield return $"{Section}:{nameof(options.PlaceAttempts)} must be 1–10.";
        }
    }
}
