using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

using Tandem.Grains.Infrastructure;

namespace Tandem.Grains.Weather;

/// <summary>The weather feed in a silo, when one is configured (<see cref="Section"/>:Feed): a file or an http(s) address.</summary>
public static class WeatherRegistration
{
    public const string Section = "Tandem:Weather";

    public static IServiceCollection AddWeather(this IServiceCollection services)
    {
        services.AddValidatedOptions<WeatherOptions>(Section, Problems);
        services.AddSingleton<IWeatherFeed>(sp => For(sp.GetRequiredService<IOptions<WeatherOptions>>().Value.Feed));
        services.AddHostedService<WeatherFeedReader>();
        return services;
    }

    /// <summary>The feed a setting names: an http(s) address, else a file.</summary>
    public static IWeatherFeed For(string feed) =>
        Uri.TryCreate(feed, UriKind.Absolute, out var address) && address.Scheme is "http" or "https"
            ? new HttpWeatherFeed(new HttpClient { Timeout = TimeSpan.FromSeconds(10) }, address)
            : new FileWeatherFeed(feed);

    private static IEnumerable<string> Problems(WeatherOptions options)
    {
        if (options.ReadEvery < TimeSpan.FromSeconds(1))
        {
            yield return $"{Section}:{nameof(options.ReadEvery)} must be at least a second.";
        }
    }
}
