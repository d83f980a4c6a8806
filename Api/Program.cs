using Tandem.Api.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddTandem();

var app = builder.Build();
app.MapTandem();
app.Run();

/// <summary>Entry point; public so functional tests can host the app.</summary>
public partial class Program;
