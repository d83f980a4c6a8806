using Microsoft.AspNetCore.SignalR;

using Tandem.Api.Relay;
using Tandem.Contracts.Hubs;
using Tandem.Contracts.Recommendations;

namespace Tandem.Api.Recommendations;

/// <summary>The live picks reach the shop: a session's recomputed picks go to the browsers watching that session.</summary>
public static class RecommendationsApi
{
    public static IEndpointRouteBuilder MapRecommendationsApi(this IEndpointRouteBuilder app) =>
        app.Relay<RecommendationsChanged>(RecommendationsChanged.StreamNamespace, opsKind: null, e => e.At, RelayPicksAsync);

    private static Task RelayPicksAsync(RelayHubs hubs, RecommendationsChanged picks) =>
        hubs.Shop.Clients.Group(HubContract.Groups.Session(picks.SessionId)).SendAsync(HubContract.Events.Recommendations, picks);
}
