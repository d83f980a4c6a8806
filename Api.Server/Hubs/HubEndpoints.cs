using Microsoft.AspNetCore.Http.Connections;

using Tandem.Api.Identity;
using Tandem.Contracts.Hubs;

namespace Tandem.Api.Hubs;

public static class HubEndpoints
{
    /// <summary>
    /// The three hubs; the token is read from the <c>access_token</c> query on WebSockets. A connection signed in
    /// with a token is closed when the token expires: the client signs in again with a fresh one.
    /// </summary>
    public static IEndpointRouteBuilder MapTandemHubs(this IEndpointRouteBuilder app)
    {
        app.MapHub<ShopHub>(HubContract.Routes.Shop, CloseOnExpiry).AllowAnonymous();
        app.MapHub<CourierHub>(HubContract.Routes.Courier, CloseOnExpiry).RequireAuthorization(Roles.Courier);
        app.MapHub<OpsHub>(HubContract.Routes.Ops, CloseOnExpiry).RequireAuthorization(Roles.Ops);
        return app;
    }

    private static void CloseOnExpiry(HttpConnectionDispatcherOptions options) => options.CloseOnAuthenticationExpiration = true;
}
