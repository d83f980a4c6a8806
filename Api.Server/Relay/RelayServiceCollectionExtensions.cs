namespace Tandem.Api.Relay;

public static class RelayServiceCollectionExtensions
{
    /// <summary>The stream-to-SignalR relay (its routes come from the features) and the control room feed; register after the silo or client.</summary>
    public static IServiceCollection AddTandemRelay(this IServiceCollection services)
    {
        services.AddSingleton<OpsFeed>();
        services.AddHostedService(sp => sp.GetRequiredService<OpsFeed>());
        services.AddSingleton<OpsSnapshots>();
        services.AddSingleton<RelayRoutes>();
        services.AddHostedService<StreamRelay>();
        return services;
    }
}
