using Tandem.Contracts.Couriers;
using Tandem.Contracts.Dispatch;
using Tandem.Contracts.Forecasts;
using Tandem.Contracts.Inventory;
using Tandem.Contracts.Ops;
using Tandem.Contracts.Orders;
using Tandem.Contracts.Recommendations;
using Tandem.Contracts.Returns;
using Tandem.Contracts.Sessions;

namespace Tandem.Contracts.Hubs;

/// <summary>
/// The SignalR contract: routes, client-callable methods, server events and groups. Server code and
/// clients use these names; nothing else spells them.
/// </summary>
public static class HubContract
{
    public static class Routes
    {
        public const string Shop = "/hubs/shop";
        public const string Courier = "/hubs/courier";
        public const string Ops = "/hubs/ops";
    }

    public static class Methods
    {
        public const string WatchProduct = "WatchProduct";
        public const string UnwatchProduct = "UnwatchProduct";
        public const string WatchOrder = "WatchOrder";
        public const string UnwatchOrder = "UnwatchOrder";
        public const string Join = "Join";
        public const string WatchSession = "WatchSession";
    }

    public static class Events
    {
        /// <summary>Shop: a watched product's stock changed at a location (payload StockChanged).</summary>
        public const string StockChanged = "stockChanged";

        /// <summary>Shop and courier: a watched or assigned order moved (payload OrderChanged).</summary>
        public const string OrderChanged = "orderChanged";

        /// <summary>Courier: an order is offered to this courier until it expires (payload CourierOffer).</summary>
        public const string Offer = "offer";

        /// <summary>Courier: an order was given to this courier (payload OrderView).</summary>
        public const string Assignment = "assignment";

        /// <summary>Shop: the watched session's picks were recomputed (payload RecommendationsChanged).</summary>
        public const string Recommendations = "recommendations";

        /// <summary>Shop: the courier carrying a watched order moved (payload CourierOnTheWay).</summary>
        public const string CourierPosition = "courierPosition";

        /// <summary>Courier: the courier's own position, status or assignments changed (payload CourierChanged).</summary>
        public const string CourierChanged = "courierChanged";

        /// <summary>Ops: the state of the city on connect (payload OpsSnapshot).</summary>
        public const string Snapshot = "snapshot";

        /// <summary>Ops: a batch of everything that happened since the last batch (payload OpsEvent[]).</summary>
        public const string Event = "event";
    }

    /// <summary>
    /// Every payload the hubs send. The OpenAPI document describes them beside the HTTP bodies, so the clients'
    /// TypeScript types for both come from the same C# contracts.
    /// </summary>
    public static readonly IReadOnlyList<Type> Payloads =
    [
        typeof(StockChanged), typeof(OrderChanged), typeof(OrderView), typeof(CourierOffer), typeof(CourierChanged),
        typeof(CourierOnTheWay), typeof(RecommendationsChanged), typeof(SessionChanged), typeof(OpsSnapshot), typeof(OpsEvent),
        typeof(DispatchDecided), typeof(ForecastChanged), typeof(ReturnChanged),
    ];

    public static class Groups
    {
        public const string Ops = "ops";

        public static string Product(string sku) => "product:" + sku;

        public static string Order(string orderId) => "order:" + orderId;

        public static string Courier(string courierId) => "courier:" + courierId;

        public static string Session(string sessionId) => "session:" + sessionId;
    }
}
