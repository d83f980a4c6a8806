using System.Globalization;
using System.Net;
using System.Net.Sockets;

using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.TestHost;
using Microsoft.OpenApi;

namespace Tandem.Api.Hosting;

/// <summary>
/// Writes the OpenAPI document (HTTP operations and every hub payload) to a file, so the build can generate the web
/// clients' TypeScript types from it (<c>dotnet Tandem.Api.dll openapi &lt;file&gt;</c>). The endpoints exist once the
/// app has started, so it starts Tandem as it is (an in-memory silo on free ports, no demo city) behind an in-memory
/// server that listens on no port, reads the document and stops.
/// </summary>
public static class OpenApiScript
{
    public const string Command = "openapi";

    public static async Task WriteAsync(string path)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = Environments.Production });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Tandem:Auth:DevTokens"] = "true", // the development token endpoint is documented too
            ["Tandem:Demo:Seed"] = "false",
            ["Tandem:Dashboard:Enabled"] = "false",
            ["Tandem:Cluster:ClusterId"] = "openapi-" + Guid.NewGuid().ToString("N")[..8],
            ["Tandem:Cluster:SiloPort"] = FreePort(),
            ["Tandem:Cluster:GatewayPort"] = FreePort(),
        });
        builder.Logging.ClearProviders();
        builder.WebHost.UseTestServer();
        builder.AddTandem();
        await using var app = builder.Build();
        app.MapTandem();
        await app.StartAsync();
        try
        {
            var document = await app.Services.GetRequiredKeyedService<IOpenApiDocumentProvider>("v1").GetOpenApiDocumentAsync();
            await using var text = new StringWriter(CultureInfo.InvariantCulture);
            document.SerializeAsV31(new OpenApiJsonWriter(text));
            var json = text.ToString();
            if (!File.Exists(path) || await File.ReadAllTextAsync(path) != json)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
                await File.WriteAllTextAsync(path, json);
            }
        }
        finally
        {
            await app.StopAsync();
        }
    }

    private static string FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port.ToString(CultureInfo.InvariantCulture);
    }
}
