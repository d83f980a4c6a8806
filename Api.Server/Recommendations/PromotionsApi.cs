using Microsoft.AspNetCore.Http.HttpResults;

using Tandem.Api.Http;
using Tandem.Api.Identity;
using Tandem.Contracts.Recommendations;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Grains.Interfaces.Recommendations;

namespace Tandem.Api.Recommendations;

/// <summary>Ops promote products: the recommender's <c>promoted</c> strategy offers them to the sessions they fit.</summary>
public static class PromotionsApi
{
    public static IEndpointRouteBuilder MapPromotionsApi(this IEndpointRouteBuilder app)
    {
        var promotions = app.MapGroup("/api/promotions").WithTags("Recommendations").RequireAuthorization(Roles.Ops);
        promotions.MapGet("", List).WithName("GetPromotions").WithSummary("The promotions running now");
        promotions.MapPut("/{sku}", Promote).WithName("Promote")
            .WithSummary($"Promotes a product (why, and until when), replacing its promotion; at most {IPromotionsGrain.MaxPromotions} at once; idempotent");
        promotions.MapDelete("/{sku}", End).WithName("EndPromotion").WithSummary("Ends a product's promotion; idempotent");
        return app;
    }

    private static async Task<Ok<Promotions>> List(IGrainFactory grains) => TypedResults.Ok(await grains.Promotions().GetAsync());

    private static async Task<Results<Ok<Promotion>, ProblemHttpResult, ValidationProblem>> Promote(
        IGrainFactory grains, TimeProvider clock, string sku, PromotionRequest request)
    {
        var errors = new RequestErrors().Identifier("sku", sku).Text("reason", request.Reason);
        if (request.Until is { } until && until <= clock.GetUtcNow())
        {
            errors.Add("until", "Must be in the future.");
        }

        if (errors.Any)
        {
            return Problems.Invalid(errors);
        }

        var answer = await grains.Promotions().PromoteAsync(sku, request.Reason!, "ops", request.Until);
        return answer switch
        {
            { Promotion: { } promotion } => TypedResults.Ok(promotion),
            { Refused: PromoteRefusal.UnknownProduct } => Problems.NotFound($"No product {sku}."),
            _ => Problems.Conflict($"{IPromotionsGrain.MaxPromotions} products are promoted already; end one first."),
        };
    }

    private static async Task<Results<NoContent, ValidationProblem>> End(IGrainFactory grains, string sku)
    {
        var errors = new RequestErrors().Identifier("sku", sku);
        if (errors.Any)
        {
            return Problems.Invalid(errors);
        }

        await grains.Promotions().EndAsync(sku);
        return TypedResults.NoContent();
    }
}
