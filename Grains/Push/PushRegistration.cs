using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

using Tandem.Grains.Infrastructure;

namespace Tandem.Grains.Push;

/// <summary>
/// The Web Push feature: its options, bound from <see cref="Section"/> and checked before the host starts, the VAPID
/// key and the HTTP client. Silos and the Api (which serves the public key) both register it.
/// </summary>
public static class PushRegistration
{
    public const string Section = "Tandem:Push";

    public static IServiceCollection AddPush(this IServiceCollection services)
    {
        services.AddValidatedOptions<PushOptions>(Section, Problems);
        services.TryAddSingleton<VapidKey>();
        services.TryAddSingleton<PushClient>();
        return services;
    }

    private static IEnumerable<string> Problems(PushOptions options)
    {
        if (options.TimeToLive < TimeSpan.Zero || options.TimeToLive > TimeSpan.FromDays(28))
        {
            yield return $"{Section}:{nameof(options.TimeToLive)} must be between 0 and 28 days.";
        }

        if (options.SendTimeout <= TimeSpan.Zero)
        {
            yield return $"{Section}:{nameof(options.SendTimeout)} must be positive.";
        }

        if (options.MaxRetryWait < TimeSpan.Zero)
        {
            yield return $"{Section}:{nameof(options.MaxRetryWait)} must not be negative.";
        }

        if (!options.Subject.StartsWith("mailto:", StringComparison.Ordinal) && !options.Subject.StartsWith("https://", StringComparison.Ordinal))
        {
            yield return $"{Section}:{nameof(options.Subject)} must be a mailto: or https: address (RFC 8292).";
        }
    }
}
