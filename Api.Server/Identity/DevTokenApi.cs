using Microsoft.AspNetCore.Http.HttpResults;

using Tandem.Api.Http;
using Tandem.Contracts.Identity;
using Tandem.Grains.Interfaces.Keys;

namespace Tandem.Api.Identity;

/// <summary><c>POST /api/dev/token</c>: anyone may sign in as anyone. Mapped in embedded mode only.</summary>
public static class DevTokenApi
{
    public static IEndpointRouteBuilder MapDevTokenApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/dev/token", Issue).WithTags("Development").WithName("IssueDevToken")
            .WithSummary("Embedded mode only: a bearer token for any role and subject, so the demo, clients and scripts can sign in")
            .AllowAnonymous();
        return app;
    }

    private static Results<Ok<TokenResponse>, ValidationProblem> Issue(DevTokenIssuer issuer, DevTokenRequest request)
    {
        var errors = new RequestErrors().Identifier("subject", request.Subject);
        if (request.Store is not null && (request.Role != Roles.Ops || !Identifier.IsValid(request.Store)))
        {
            errors.Add("store", "Only an operator is staff of a store; a store is a location id.");
        }

        if (request.Role is null || !Roles.All.Contains(request.Role))
        {
            errors.Add("role", $"Must be one of: {string.Join(", ", Roles.All)}.");
        }

        if (errors.Any)
        {
            return Problems.Invalid(errors);
        }

        return TypedResults.Ok(new TokenResponse(issuer.Issue(request.Role!, request.Subject!, request.Store), "Bearer", (int)issuer.Lifetime.TotalSeconds));
    }
}
