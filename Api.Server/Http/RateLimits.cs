using System.Globalization;
using System.Threading.RateLimiting;

using Microsoft.AspNetCore.Mvc;

using Tandem.Api.Identity;

namespace Tandem.Api.Http;

/// <summary>Budgets per client and minute; bound from <c>Tandem:RateLimits</c>.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "Tandem:RateLimits";

    public int OrdersPerMinute { get; set; } = 30;

    public int EventBatchesPerMinute { get; set; } = 60;
}

/// <summary>
/// Order placement and behaviour ingestion have a budget per client: the signed-in identity when there is
/// one, else the remote address. Past it: 429 with Retry-After and a ProblemDetails body.
/// </summary>
public static class RateLimits
{
    public const string Orders = "orders";
    public const string Events = "events";

    public static IServiceCollection AddTandemRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var budget = configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new();
        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(Orders, http => PerClient(http, budget.OrdersPerMinute));
            limiter.AddPolicy(Events, http => PerClient(http, budget.EventBatchesPerMinute));
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                var http = context.HttpContext;
                http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = http,
                    ProblemDetails = new ProblemDetails
                    {
                        Status = StatusCodes.Status429TooManyRequests,
                        Title = "Too many requests",
                        Detail = $"This client's budget is spent; retry in {Math.Ceiling(retryAfter.TotalSeconds)} s.",
                    },
                });
            };
        });
        return services;
    }

    private static RateLimitPartition<string> PerClient(HttpContext http, int perMinute) =>
        RateLimitPartition.GetFixedWindowLimiter(
            Caller.TryOf(http.User) is { } caller ? "user:" + caller.Actor : "ip:" + http.Connection.RemoteIpAddress,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
}
