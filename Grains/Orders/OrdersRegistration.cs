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
        })
        {
            if (value <= TimeSpan.Zero)
            {
                yield return $"{Section}:{key} must be positive.";
            }
        }

        if (options.ReminderPeriod < TimeSpan.FromMinutes(1))
        {
            yield return $"{Section}:{nameof(options.ReminderPeriod)} must be at least 00:01:00 (Orleans' shortest reminder period).";
        }

        if (options.IdleReminderPeriod < options.ReminderPeriod)
        {
            yield return $"{Section}:{nameof(options.IdleReminderPeriod)} must be at least {Section}:{nameof(options.ReminderPeriod)}.";
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
