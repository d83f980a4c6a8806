using Tandem.Contracts.Couriers;
using Tandem.Grains.Interfaces.Catalog;
using Tandem.Grains.Interfaces.Couriers;
using Tandem.Grains.Interfaces.Demand;
using Tandem.Grains.Interfaces.Dispatch;
using Tandem.Grains.Interfaces.Experiments;
using Tandem.Grains.Interfaces.Forecasts;
using Tandem.Grains.Interfaces.Inventory;
using Tandem.Grains.Interfaces.Kpis;
using Tandem.Grains.Interfaces.Orders;
using Tandem.Grains.Interfaces.Packing;
using Tandem.Grains.Interfaces.Push;
using Tandem.Grains.Interfaces.Recommendations;
using Tandem.Grains.Interfaces.Returns;
using Tandem.Grains.Interfaces.Sessions;
using Tandem.Grains.Interfaces.Shoppers;
using Tandem.Grains.Interfaces.Supply;
using Tandem.Grains.Interfaces.Weather;

namespace Tandem.Grains.Interfaces.Keys;

/// <summary>The only way to address a Tandem grain: from its typed key.</summary>
public static class GrainFactoryExtensions
{
    /// <summary>Key of the single catalog grain.</summary>
    public const string CatalogKey = "catalog";

    /// <summary>Key of the single order sweeper grain.</summary>
    public const string OrderSweeperKey = "orders";

    /// <summary>Key of the single courier directory grain.</summary>
    public const string CourierDirectoryKey = "couriers";

    public static IInventoryCellGrain Cell(this IGrainFactory grains, CellKey key) =>
        grains.GetGrain<IInventoryCellGrain>(key.ToString());

    public static IDemandGrain Demand(this IGrainFactory grains, CellKey key) =>
        grains.GetGrain<IDemandGrain>(key.ToString());

    public static IForecastGrain Forecast(this IGrainFactory grains, CellKey key) =>
        grains.GetGrain<IForecastGrain>(key.ToString());

    public static IForecastPlannerGrain ForecastPlanner(this IGrainFactory grains) =>
        grains.GetGrain<IForecastPlannerGrain>(IForecastPlannerGrain.Key);

    public static ISupplyPlanGrain SupplyPlan(this IGrainFactory grains) =>
        grains.GetGrain<ISupplyPlanGrain>(ISupplyPlanGrain.Key);

    public static ISlowMoversGrain SlowMovers(this IGrainFactory grains) =>
        grains.GetGrain<ISlowMoversGrain>(ISlowMoversGrain.Key);

    public static ITransferGrain Transfer(this IGrainFactory grains, string transferId) =>
        grains.GetGrain<ITransferGrain>(Identifier.Require(transferId, "transfer"));

    public static IReturnGrain Return(this IGrainFactory grains, string returnId) =>
        grains.GetGrain<IReturnGrain>(Identifier.Require(returnId, "return"));

    public static IReturnsBoardGrain ReturnsBoard(this IGrainFactory grains) => grains.GetGrain<IReturnsBoardGrain>("all");

    public static IExperimentGrain Experiment(this IGrainFactory grains, string experimentId) =>
        grains.GetGrain<IExperimentGrain>(Identifier.Require(experimentId, "experiment"));

    public static IExperimentDirectoryGrain ExperimentDirectory(this IGrainFactory grains) =>
        grains.GetGrain<IExperimentDirectoryGrain>(IExperimentDirectoryGrain.Key);

    public static IExperimentTallyGrain ExperimentTally(this IGrainFactory grains, string experimentId, int shard) =>
        grains.GetGrain<IExperimentTallyGrain>(IExperimentTallyGrain.KeyOf(Identifier.Require(experimentId, "experiment"), shard));

    public static IExperimentTallyGrain ExperimentTally(this IGrainFactory grains, string experimentId, string unit, int shard) =>
        grains.GetGrain<IExperimentTallyGrain>(IExperimentTallyGrain.KeyOf(Identifier.Require(experimentId, "experiment"), unit, shard));

    /// <summary>The KPI grain of a region (a dispatch zone), or of the whole city (<see cref="IKpiGrain.Overall"/>).</summary>
    public static IKpiGrain Kpi(this IGrainFactory grains, string region) =>
        grains.GetGrain<IKpiGrain>(Identifier.Require(region, "region"));

    /// <summary>The KPI grain of one variant of an experiment: what its zones and store cells did (<see cref="IKpiGrain.ArmKey"/>).</summary>
    public static IKpiGrain KpiArm(this IGrainFactory grains, string experimentId, int variant) =>
        grains.GetGrain<IKpiGrain>(IKpiGrain.ArmKey(Identifier.Require(experimentId, "experiment"), variant));

    public static IKpiBoardGrain KpiBoard(this IGrainFactory grains) => grains.GetGrain<IKpiBoardGrain>(IKpiBoardGrain.Key);

    public static IStockCensusGrain StockCensus(this IGrainFactory grains) => grains.GetGrain<IStockCensusGrain>(IStockCensusGrain.Key);

    /// <summary>The shard of the stock census's cells that holds <paramref name="cell"/>.</summary>
    public static IStockRangeGrain StockRange(this IGrainFactory grains, CellKey cell) => grains.GetGrain<IStockRangeGrain>(IStockRangeGrain.ShardOf(cell.ToString()));

    public static IStockRangeGrain StockRange(this IGrainFactory grains, int shard) => grains.GetGrain<IStockRangeGrain>(shard);

    public static ICouponGrain Coupon(this IGrainFactory grains, string code) =>
        grains.GetGrain<ICouponGrain>(Identifier.Require(code, "coupon"));

    public static IOrderGrain Order(this IGrainFactory grains, OrderId id) =>
        grains.GetGrain<IOrderGrain>(id.Value);

    public static IOrderSweeperGrain OrderSweeper(this IGrainFactory grains) =>
        grains.GetGrain<IOrderSweeperGrain>(OrderSweeperKey);

    public static ISessionGrain Session(this IGrainFactory grains, SessionId id) =>
        grains.GetGrain<ISessionGrain>(id.Value);

    public static IShopperHoldsGrain ShopperHolds(this IGrainFactory grains, ShopperId id) =>
        grains.GetGrain<IShopperHoldsGrain>(id.Value);

    public static ICourierGrain Courier(this IGrainFactory grains, CourierId id) =>
        grains.GetGrain<ICourierGrain>(id.Value);

    public static ICourierDirectoryGrain CourierDirectory(this IGrainFactory grains) =>
        grains.GetGrain<ICourierDirectoryGrain>(CourierDirectoryKey);

    /// <summary>The dispatcher of a zone of the city ("r{row}c{col}").</summary>
    public static IZoneDispatcherGrain ZoneDispatcher(this IGrainFactory grains, string zone) =>
        grains.GetGrain<IZoneDispatcherGrain>(zone);

    /// <summary>The city's dispatch map: its zones and their last windows.</summary>
    public static IDispatchMapGrain DispatchMap(this IGrainFactory grains) =>
        grains.GetGrain<IDispatchMapGrain>(IDispatchMapGrain.Key);

    /// <summary>An order's dispatch decisions.</summary>
    public static IDispatchRecordGrain DispatchRecord(this IGrainFactory grains, OrderId order) =>
        grains.GetGrain<IDispatchRecordGrain>(order.Value);

    /// <summary>Every zone's dispatcher that has had orders.</summary>
    public static async Task<IReadOnlyList<IZoneDispatcherGrain>> ZoneDispatchersAsync(this IGrainFactory grains) =>
        [.. (await grains.DispatchMap().GetZonesAsync()).Select(grains.ZoneDispatcher)];

    /// <summary>The city's weather.</summary>
    public static IWeatherGrain Weather(this IGrainFactory grains) =>
        grains.GetGrain<IWeatherGrain>(IWeatherGrain.Key);

    /// <summary>A product's part of the product graph.</summary>
    public static IProductGraphGrain ProductGraph(this IGrainFactory grains, string sku) =>
        grains.GetGrain<IProductGraphGrain>(sku);

    /// <summary>The bandit's record of a segment of shoppers (<c>browse</c> or <c>cart</c>).</summary>
    public static IArmWeightsGrain ArmWeights(this IGrainFactory grains, string segment) =>
        grains.GetGrain<IArmWeightsGrain>(segment);

    /// <summary>The products being promoted.</summary>
    public static IPromotionsGrain Promotions(this IGrainFactory grains) =>
        grains.GetGrain<IPromotionsGrain>(IPromotionsGrain.Key);

    /// <summary>The recommender of the session-stream partition a session belongs to.</summary>
    public static IRecommenderGrain Recommender(this IGrainFactory grains, SessionId session) =>
        grains.GetGrain<IRecommenderGrain>(StreamPartition.Of(session.Value).ToString());

    /// <summary>The courier board of one courier-stream partition.</summary>
    public static ICourierBoardGrain CourierBoard(this IGrainFactory grains, StreamPartition partition) =>
        grains.GetGrain<ICourierBoardGrain>(partition.ToString());

    /// <summary>Every courier as the courier boards last saw them, by courier id: one call per partition, none per courier.</summary>
    public static async Task<IReadOnlyList<CourierView>> CouriersFromBoardsAsync(this IGrainFactory grains)
    {
        var boards = await Task.WhenAll(StreamPartition.All.Select(p => grains.CourierBoard(p).GetAllAsync()));
        return [.. boards.SelectMany(b => b).OrderBy(c => c.CourierId, StringComparer.Ordinal)];
    }

    /// <summary>The single push sender.</summary>
    public static IPushSenderGrain PushSender(this IGrainFactory grains) =>
        grains.GetGrain<IPushSenderGrain>(0);

    /// <summary>The packing service (a stateless worker: every silo packs its own share).</summary>
    public static IPackingGrain Packing(this IGrainFactory grains) =>
        grains.GetGrain<IPackingGrain>(0);

    public static ICatalogGrain Catalog(this IGrainFactory grains) =>
        grains.GetGrain<ICatalogGrain>(CatalogKey);
}
