using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

using Tandem.Brains.Returns;
using Tandem.Grains.Infrastructure;

namespace Tandem.Grains.Returns;

/// <summary>The returns feature in a silo: the policy's options (checked before the silo starts) and the evidence check.</summary>
public static class ReturnsRegistration
{
    public const string Section = "Tandem:Returns";

    /// <summary>Registers the default evidence check (<see cref="TagPhotoCheck"/>) unless another is registered.</summary>
    public static IServiceCollection AddReturns(this IServiceCollection services)
    {
        services.TryAddSingleton<IEvidenceCheck, TagPhotoCheck>();
        return services.AddValidatedOptions<ReturnOptions>(Section, Problems);
    }

    private static IEnumerable<string> Problems(ReturnOptions options)
    {
        if (options.WindowDays is < 1 or > 365)
        {
            yield return $"{Section}:{nameof(options.WindowDays)} must be 1–365.";
        }

        foreach (var (category, days) in options.CategoryWindowDays)
        {
            if (days is < 0 or > 365)
            {
                yield return $"{Section}:{nameof(options.CategoryWindowDays)}:{category} must be 0–365.";
            }
        }

        if (options.CatchUpAfter <= TimeSpan.Zero)
        {
            yield return $"{Section}:{nameof(options.CatchUpAfter)} must be positive.";
        }

        if (options.ResaleWithin <= TimeSpan.Zero)
        {
            yield return $"{Section}:{nameof(options.ResaleWithin)} must be positive.";
        }

        if (options.ResaleAtRiskAfter <= TimeSpan.Zero || options.ResaleAtRiskAfter >= options.ResaleWithin)
        {
            yield return $"{Section}:{nameof(options.ResaleAtRiskAfter)} must be positive and less than {nameof(options.ResaleWithin)}.";
        }

        if (options.CouponUplift is < 0m or > 1m)
        {
            yield return $"{Section}:{nameof(options.CouponUplift)} must be 0–1 (0.10: the coupon is worth 10 % more than the refund).";
        }

        if (options.CouponValidDays is < 1 or > 3650)
        {
            yield return $"{Section}:{nameof(options.CouponValidDays)} must be 1–3650.";
        }

        if (options.RepurchaseWithin <= TimeSpan.Zero)
        {
            yield return $"{Section}:{nameof(options.RepurchaseWithin)} must be positive.";
        }

        if (options.PickupWithin <= TimeSpan.Zero)
        {
            yield return $"{Section}:{nameof(options.PickupWithin)} must be positive.";
        }

        if (options.SortingCentreId is { } centre && string.IsNullOrWhiteSpace(centre))
        {
            yield return $"{Section}:{nameof(options.SortingCentreId)} must name a location, or be left out (the nearest warehouse).";
        }
    }

    /// <summary>The options as the pre-check reads them.</summary>
    public static ReturnRules Rules(this ReturnOptions options) => new()
    {
        DefaultWindowDays = options.WindowDays,
        WindowDays = new Dictionary<string, int>(options.CategoryWindowDays, StringComparer.OrdinalIgnoreCase),
        SealedCategories = new HashSet<string>(options.SealedCategories, StringComparer.OrdinalIgnoreCase),
    };
}
