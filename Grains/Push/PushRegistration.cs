using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

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
        services.AddOptions<PushOptions>().BindConfiguration(Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PushOptions>, PushOptionsValidator>());
        services.TryAddSingleton<VapidKey>();
        services.TryAddSingleton<PushClient>();
        return services;
    }

    private sealed class PushOptionsValidator : IValidateOptions<PushOptions>
    {
        public ValidateOptionsResult Validate(string? name, PushOptions options)
        {
            List<string> problems = [];
            if (options.TimeToLive < TimeSpan.Zero || options.TimeToLive > TimeSpan.FromDays(28))
            {
                problems.Add($"{Section}:{nameof(options.TimeToLive)} must be between 0 and 28 days.");
            }

            if (options.SendTimeout <= TimeSpan.Zero)
            {
                problems.Add($"{Section}:{nameof(options.SendTimeout)} must be positive.");
            }

            if (options.MaxRetryWait < TimeSpan.Zero)
            {
                problems.Add($"{Section}:{nameof(options.MaxRetryWait)} must not be negative.");
            }

            if (!options.Subject.StartsWith("mailto:", StringComparison.Ordinal) && !options.Subject.StartsWith("https://", StringComparison.Ordinal))
            {
                problems.Add($"{Section}:{nameof(options.Subject)} must be a mailto: or https: address (RFC 8292).");
            }

            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }
}
