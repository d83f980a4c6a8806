using Tandem.Api.Hosting;
using Tandem.Api.Hubs;
using Tandem.Api.Identity;

switch (args)
{
    case [DevIssuerHost.Command, ..]:
        await DevIssuerHost.RunAsync(args[1..]);
        return;
    case [HubContractScript.Command, var path]:
        HubContractScript.Write(path);
        return;
    case [OpenApiScript.Command, var path]:
        await OpenApiScript.WriteAsync(path);
        return;
}

var builder = WebApplication.CreateBuilder(args);
builder.AddTandem();

var app = builder.Build();
app.MapTandem();
await app.RunAsync();
