namespace Tandem.Api.Http;

/// <summary>
/// Headers on every response: no MIME sniffing, no referrer, no framing, and a Content-Security-Policy that lets
/// a page run only scripts and styles served by Tandem itself. The API reference and the Orleans dashboard are
/// third-party pages with inline scripts; they keep only the framing rule.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; "
        + "worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public const string FramingOnlyPolicy = "frame-ancestors 'none'";

    private static readonly PathString[] ThirdPartyPages = ["/scalar", "/dashboard"];

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((http, next) =>
        {
            http.Response.OnStarting(() =>
            {
                var headers = http.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                headers.ContentSecurityPolicy = ThirdPartyPages.Any(p => http.Request.Path.StartsWithSegments(p))
                    ? FramingOnlyPolicy
                    : ContentSecurityPolicy;
                return Task.CompletedTask;
            });
            return next(http);
        });
}
