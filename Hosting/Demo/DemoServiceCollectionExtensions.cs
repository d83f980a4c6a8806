namespace Tandem.Hosting.Demo;

public static class DemoServiceCollectionExtensions
{
    /// <summary>Seeds the demo city after the silo has started (register after the silo).</summary>
    public static IServiceCollection AddTandemDemo(this IServiceCollection services)
    {
        services.AddOptions<DemoOptions>().BindConfiguration(DemoOptions.Section);
        services.AddSingleton<DemoSeedStatus>();
        services.AddHostedService<DemoSeeder>();
        return services;
    }
}
