using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Tandem.Grains.Orders;

/// <summary>The orders feature in a silo: its options, bound from <see cref="Section"/> and checked before the silo starts.</summary>
public static class OrdersRegistration
{
    public const string Section = "Tandem:Orders";

    public static IServiceCollection AddOrders(this IServiceCollection services)
    {
        services.AddOptions<OrderOptions>().BindConfiguration(Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<OrderOptions>, OrderOptionsValidator>();
        return services;
    }

    private sealed class OrderOptionsValidator : IValidateOptions<OrderOptions>
    {
        public ValidateOptionsResult Validate(string? name, OrderOptions options)
        {
            List<string> problems = [];
            Positive(problems, nameof(options.ReservationTtl), options.ReservationTtl);
            Positive(problems, nameof(options.UnpackedExpiry), options.UnpackedExpiry);
            Positive(problems, nameof(options.DutyRetry), options.DutyRetry);
            Positive(problems, nameof(options.AbandonPlanAfter), options.AbandonPlanAfter);
            if (options.ReminderPeriod < TimeSpan.FromMinutes(1))
            {
                problems.Add($"{Section}:{nameof(options.ReminderPeriod)} must be at least 00:01:00 (Orleans' shortest reminder period).");
            }

            if (options.MaxReservedUnitsPerShopper < 1)
            {
                problems.Add($"{Section}:{nameof(options.MaxReservedUnitsPerShopper)} must be at least 1.");
            }

            if (options.PlaceAttempts is < 1 or > 10)
            {
                problems.Add($"{Section}:{nameof(options.PlaceAttempts)} must be 1–10.");
            }

            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }

        private static void Positive(List<string> problems, string key, TimeSpan value)
        {
            if (value <= TimeSpan.Zero)
            {
                problems.Add($"{Section}:{key} must be positive.");
            }
        }
    }
}
