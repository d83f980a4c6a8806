using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Tandem.Grains.Infrastructure;

/// <summary>How a feature registers its options: bound from its configuration section and checked before the host starts.</summary>
public static class FeatureOptions
{
    /// <summary>
    /// Binds <typeparamref name="T"/> from <paramref name="section"/> and fails the start with every problem
    /// <paramref name="problems"/> names (each a sentence naming its key). Registering the same options twice is harmless.
    /// </summary>
    public static IServiceCollection AddValidatedOptions<T>(this IServiceCollection services, string section, Func<T, IEnumerable<string>> problems)
        where T : class
    {
        services.AddOptions<T>().BindConfiguration(section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<T>, ProblemsValidator<T>>(_ => new ProblemsValidator<T>(problems)));
        return services;
    }

    private sealed class ProblemsValidator<T>(Func<T, IEnumerable<string>> problems) : IValidateOptions<T>
        where T : class
    {
        public ValidateOptionsResult Validate(string? name, T options) =>
            problems(options).ToList() is { Count: > 0 } found ? ValidateOptionsResult.Fail(found) : ValidateOptionsResult.Success;
    }
}
