namespace Tandem.Api.Hubs;

public static class HubEndpoints
{
    public static IEndpointRouteBuilder MapTandemHubs(this IEndpointRouteBuilder app)
    {
        app.MapHub<ShopHub>(HubContract.Routes.Shop);
        app.MapHub<CourierHub>(HubContract.Routes.Courier);
        app.MapHub<OpsHub>(HubContract.Routes.Ops);
        return app;
    }
}
