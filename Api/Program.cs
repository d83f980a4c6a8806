using Tandem.Api.Hosting;
using Tandem.Api.Identity;

if (args is [DevIssuerHost.Command, ..])
{
    await DevIssuerHost.RunAsync(args[1..]);
    return;
}

var builder = WebApplication.CreateBuilder(args);
builder.AddTandem();

var app = builder.Build();
app.MapTandem();
await app.RunAsync();

/// <summary>Entry point; public so functional tests can host the app.</summary>
public partial class Program;
