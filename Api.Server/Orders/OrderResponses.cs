using Microsoft.AspNetCore.Http.HttpResults;

using Tandem.Api.Http;
using Tandem.Contracts.Orders;
using Tandem.Grains.Interfaces.Orders;

namespace Tandem.Api.Orders;

/// <summary>How an order grain's outcome reads over HTTP: unknown is 404, conflict is 409, shape is 400.</summary>
public static class OrderResponses
{
    public static ProblemHttpResult Problem(OrderResult result)
    {
        var detail = result.Detail ?? result.Outcome.ToString();
        return result.Outcome switch
        {
            OrderOutcome.NotFound or OrderOutcome.UnknownReference => Problems.NotFound(detail),
            OrderOutcome.Invalid => Problems.BadRequest(detail),
            OrderOutcome.Insufficient => TypedResults.Problem(
                detail, statusCode: StatusCodes.Status409Conflict, title: "Insufficient stock", type: "https://tandem.dev/problems/insufficient-stock"),
            OrderOutcome.KeyReused => TypedResults.Problem(
                detail, statusCode: StatusCodes.Status409Conflict, title: "Idempotency key reused", type: "https://tandem.dev/problems/idempotency-key-reused"),
            OrderOutcome.HoldLimitReached => TypedResults.Problem(
                detail, statusCode: StatusCodes.Status409Conflict, title: "Hold limit reached", type: "https://tandem.dev/problems/hold-limit-reached"),
            _ => Problems.Conflict(detail),
        };
    }
}
