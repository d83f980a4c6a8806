using Tandem.Api.Identity;

namespace Tandem.Api.Hubs;

public static class HubEndpoints
{
    /// <summary>The three hubs; the token is read from the <c>access_token</c> query on WebSockets.</summary>
    public static IEndpointRouteBuilder MapTandemHubs(this IEndpointRouteBuilder app)
    {
        app.MapHub<ShopHub>(HubContract.Routes.Shop).AllowAnonymous();
        app.MapHub<CourierHub>(HubContract.Routes.Courier).RequireAuthorization(Roles.Courier);
        app.MapHub<OpsHub>(HubContract.Routes.Ops).RequireAuthorization(Roles.Ops);
        return app;
    }
}
