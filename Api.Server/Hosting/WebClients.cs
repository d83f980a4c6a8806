using Microsoft.Extensions.FileProviders;

namespace Tandem.Api.Hosting;

/// <summary>
/// The web clients, served from wwwroot: the shop at <c>/</c>, the courier app at <c>/courier</c>, the control room at
/// <c>/ops</c>, the store's returns counter at <c>/counter</c> and its packing screen at <c>/packing</c>. Their scripts are bundled into wwwroot/build by the build; every response is
/// revalidated (no stale client after a deploy). A page or file that is not there is a 404.
/// </summary>
public static class WebClients
{
    private static readonly (string Path, string File)[] Pages = [("/", "index.html"), ("/courier", "courier.html"), ("/ops", "ops.html"), ("/counter", "counter.html"), ("/packing", "packing.html")];

    public static IApplicationBuilder UseWebClientFiles(this IApplicationBuilder app) =>
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = context =>
            {
                var headers = context.Context.Response.Headers;
                headers.CacheControl = "no-cache";
                if (context.File.Name == "courier-sw.js")
                {
                    headers["Service-Worker-Allowed"] = "/courier"; // the courier app's worker lives in /build but serves /courier
                }
            },
        });

    /// <summary>
    /// A page or file that is not there is 404 for everyone (not 401: there is nothing to sign in for). Runs after
    /// routing, for GET and HEAD requests no endpoint took; the API and hub addresses keep their own answers (an
    /// unknown one asks for a token first, as everything there does).
    /// </summary>
    public static IApplicationBuilder UseNotFoundForMissingPages(this IApplicationBuilder app) =>
        app.Use((http, next) =>
        {
            var request = http.Request;
            if (http.GetEndpoint() is not null
                || !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
                || request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/hubs"))
            {
                return next(http);
            }

            return TypedResults.Problem("Nothing is served at this address.", statusCode: StatusCodes.Status404NotFound, title: "Not found").ExecuteAsync(http);
        });

    public static IEndpointRouteBuilder MapWebClients(this IEndpointRouteBuilder app)
    {
        var files = app.ServiceProvider.GetRequiredService<IWebHostEnvironment>().WebRootFileProvider;
        foreach (var (path, file) in Pages)
        {
            app.MapGet(path, (HttpContext http) => Page(http, files, file)).ExcludeFromDescription().AllowAnonymous();
        }

        return app;
    }

    private static IResult Page(HttpContext http, IFileProvider files, string file)
    {
        var page = files.GetFileInfo(file);
        if (!page.Exists || page.PhysicalPath is null)
        {
            return TypedResults.Problem($"The web client {file} is not built.", statusCode: StatusCodes.Status404NotFound, title: "Not found");
        }

        http.Response.Headers.CacheControl = "no-cache";
        return TypedResults.PhysicalFile(page.PhysicalPath, "text/html; charset=utf-8");
    }
}
