using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;

namespace Tandem.Api.Http;

/// <summary>The largest request body an endpoint accepts, in bytes.</summary>
public sealed record BodyLimit(long Bytes)
{
    /// <summary>What an endpoint without its own limit accepts.</summary>
    public const long Default = 16 * 1024;
}

public static class BodyLimitExtensions
{
    /// <summary>Caps this endpoint's request body; larger bodies get 413 before anything is read.</summary>
    public static TBuilder WithBodyLimit<TBuilder>(this TBuilder builder, long bytes)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new BodyLimit(bytes));

    /// <summary>
    /// Enforces each endpoint's <see cref="BodyLimit"/> (or <see cref="BodyLimit.Default"/>): a declared
    /// Content-Length over the limit is refused with a 413 ProblemDetails; a streamed body is capped by the server.
    /// </summary>
    public static IApplicationBuilder UseBodyLimits(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var limit = context.GetEndpoint()?.Metadata.GetMetadata<BodyLimit>()?.Bytes ?? BodyLimit.Default;
            if (context.Request.ContentLength > limit)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = StatusCodes.Status413PayloadTooLarge,
                        Title = "Payload too large",
                        Detail = $"This endpoint accepts at most {limit} bytes.",
                    },
                });
                return;
            }

            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            {
                size.MaxRequestBodySize = limit;
            }

            await next(context);
        });
}
