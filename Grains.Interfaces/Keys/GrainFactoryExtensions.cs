using System.Globalization;

using Tandem.Grains.Interfaces.Catalog;
using Tandem.Grains.Interfaces.Couriers;
using Tandem.Grains.Interfaces.Dispatch;
using Tandem.Grains.Interfaces.Inventory;
using Tandem.Grains.Interfaces.Orders;
using Tandem.Grains.Interfaces.Sessions;
using Tandem.Grains.Interfaces.Shoppers;
using Tandem.Grains.Interfaces.Streams;

namespace Tandem.Grains.Interfaces.Keys;

/// <summary>The only way to address a Tandem grain: from its typed key.</summary>
public static class GrainFactoryExtensions
{
    /// <summary>Key of the single catalog grain.</summary>
    public const string CatalogKey = "catalog";

    /// <summary>Key of the single courier directory grain.</summary>
    public const string CourierDirectoryKey = "couriers";

    public static IInventoryCellGrain Cell(this IGrainFactory grains, CellKey key) =>
        grains.GetGrain<IInventoryCellGrain>(key.ToString());

    public static IOrderGrain Order(this IGrainFactory grains, OrderId id) =>
        grains.GetGrain<IOrderGrain>(id.Value);

    public static ISessionGrain Session(this IGrainFactory grains, SessionId id) =>
        grains.GetGrain<ISessionGrain>(id.Value);

    public static IShopperHoldsGrain ShopperHolds(this IGrainFactory grains, ShopperId id) =>
        grains.GetGrain<IShopperHoldsGrain>(id.Value);

    public static ICourierGrain Courier(this IGrainFactory grains, CourierId id) =>
        grains.GetGrain<ICourierGrain>(id.Value);

    public static ICourierDirectoryGrain CourierDirectory(this IGrainFactory grains) =>
        grains.GetGrain<ICourierDirectoryGrain>(CourierDirectoryKey);

    /// <summary>The dispatcher of the partition an order belongs to.</summary>
    public static IOfferDispatcherGrain OfferDispatcher(this IGrainFactory grains, OrderId order) =>
        grains.GetGrain<IOfferDispatcherGrain>(StreamMap.PartitionOf(order.Value).ToString(CultureInfo.InvariantCulture));

    /// <summary>Every partition's dispatcher.</summary>
    public static IEnumerable<IOfferDispatcherGrain> OfferDispatchers(this IGrainFactory grains) =>
        Enumerable.Range(0, StreamMap.Partitions).Select(p => grains.GetGrain<IOfferDispatcherGrain>(p.ToString(CultureInfo.InvariantCulture)));

    public static ICatalogGrain Catalog(this IGrainFactory grains) =>
        grains.GetGrain<ICatalogGrain>(CatalogKey);
}
