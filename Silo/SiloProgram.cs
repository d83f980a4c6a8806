using Tandem.Silo.Configuration;
using Tandem.Silo.Demo;

namespace Tandem.Silo;

/// <summary>A silo-only node: hosts grains, serves no HTTP API.</summary>
public static class SiloProgram
{
    public static async Task Main(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args);
        builder.UseOrleans(silo => silo.UseTandem(builder.Configuration));
        builder.Services.AddTandemDemo();
        await builder.Build().RunAsync();
    }
}
