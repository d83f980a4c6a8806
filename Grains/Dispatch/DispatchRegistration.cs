using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Tandem.Grains.Dispatch;

/// <summary>The dispatch feature in a silo: its options, bound from <see cref="Section"/> and checked before the silo starts.</summary>
public static class DispatchRegistration
{
    public const string Section = "Tandem:Dispatch";

    public static IServiceCollection AddDispatch(this IServiceCollection services)
    {
        services.AddOptions<DispatchOptions>().BindConfiguration(Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DispatchOptions>, DispatchOptionsValidator>();
        return services;
    }

    private sealed class DispatchOptionsValidator : IValidateOptions<DispatchOptions>
    {
        public ValidateOptionsResult Validate(string? name, DispatchOptions options)
        {
            List<string> problems = [];
            if (options.OfferTimeout <= TimeSpan.Zero)
            {
                problems.Add($"{Section}:{nameof(options.OfferTimeout)} must be positive.");
            }

            if (options.CheckEvery <= TimeSpan.Zero)
            {
                problems.Add($"{Section}:{nameof(options.CheckEvery)} must be positive.");
            }

            return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
        }
    }
}
