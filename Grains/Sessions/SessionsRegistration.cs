using Microsoft.Extensions.DependencyInjection;

using Tandem.Grains.Infrastructure;

namespace Tandem.Grains.Sessions;

/// <summary>The sessions feature in a silo: its options, bound from <see cref="Section"/> and checked before the silo starts.</summary>
public static class SessionsRegistration
{
    public const string Section = "Tandem:Sessions";

    public static IServiceCollection AddSessions(this IServiceCollection services) =>
        services.AddValidatedOptions<SessionOptions>(Section, Problems);

    private static IEnumerable<string> Problems(SessionOptions options)
    {
        if (options.CatchUpAfter <= TimeSpan.Zero)
        {
            yield return $"{Section}:{nameof(options.CatchUpAfter)} must be positive.";
        }

        if (options.ImpressionWindow <= TimeSpan.Zero)
        {
            yield return $"{Section}:{nameof(options.ImpressionWindow)} must be positive.";
        }
    }
}
