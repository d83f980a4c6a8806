using System.Net.Sockets;

using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

using Npgsql;

using Orleans.Runtime.Messaging;

using Tandem.Grains.Interfaces.Errors;

namespace Tandem.Api.Http;

/// <summary>
/// When the cluster or its database cannot answer (a silo died, PostgreSQL restarts, a call timed out, a write was
/// refused as stale after a failover) the client gets 503 with Retry-After, never a 500: the request did not take
/// effect, or took effect once, and may be retried (every state change a client repeats is idempotent).
/// </summary>
public sealed class UnavailableExceptionHandler(IProblemDetailsService problems, ILogger<UnavailableExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!IsTransient(exception) || httpContext.RequestAborted.IsCancellationRequested) // a client gone needs no answer
        {
            return false;
        }

        logger.AnsweringUnavailable(httpContext.Request.Path, exception.GetBaseException().Message);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = "1";
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Service unavailable",
                Detail = "Tandem could not complete the request right now and nothing was changed; retry shortly.",
            },
        });
    }

    public static bool IsTransient(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            // OrleansException: the runtime's own failures (a silo gone, a message rejected or not forwarded, a state
            // write refused as stale after a failover); a grain's own errors are not of that kind. A cancellation here is the
            // runtime's (a call that expired before its grain could be placed, a deadline passed); a client that went away
            // is not answered at all.
            if (e is StorageUnavailableException or TimeoutException or OrleansException or ConnectionFailedException or NpgsqlException or SocketException or OperationCanceledException)
            {
                return true;
            }
        }

        return exception is AggregateException aggregate && aggregate.InnerExceptions.Any(IsTransient);
    }
}
