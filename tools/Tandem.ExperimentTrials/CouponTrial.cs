using Tandem.Brains.Experiments;
using Tandem.Brains.Recommendations;
using Tandem.Contracts.Catalog;
using Tandem.Contracts.Experiments;
using Tandem.Contracts.Orders;
using Tandem.Contracts.Returns;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Grains.Interfaces.Orders;
using Tandem.Grains.Interfaces.Returns;
using Tandem.Grains.Returns;
using Tandem.Hosting.Simulation;

namespace Tandem.ExperimentTrials;

/// <summary>
/// One experiment on the returns' coupon uplift through the real grains: each shopper places a store-pickup order,
/// collects it and sends it back (not the item's fault), is offered the coupon of the variant the return grain finds for
/// them (the exposure), takes it at the base rate, or at the base rate plus the injected effect when the coupon offered is
/// richer than the control's (the A/B treatment's), hands the item in at the store, and the counter's grade settles it
/// (a settlement with the coupon is the conversion). The shopper reacts to the offer it was shown, not to the hash.
/// </summary>
internal sealed class CouponTrial(IGrainFactory grains, SimulatedClock clock, TrialOptions options)
{
    public const string Store = "st-trials";
    private const decimal Price = 40m;
    private const int Parallel = 64;
    private static readonly byte[] TagPhoto = [0xFF, 0xD8, 0xFF, 0xE0, .. new byte[2044]];

    /// <summary>The store the shoppers buy at and hand items in at.</summary>
    public Task OpenAsync() => grains.Catalog().UpsertAsync([], [new Location
    {
        Id = Store, Name = "Trials store", Kind = LocationKind.Store, Position = new GeoPoint { Lat = 51.5390, Lon = -0.1426 }, Address = "Trials store",
    }]);

    /// <summary>
    /// A product of the trial's own, stocked at the store: each trial's sales and returns are counted in a cell of its own,
    /// as a shop's are spread over many cells (one cell taking every trial's would grow its count of entries without end).
    /// </summary>
    private async Task<string> StockAsync(string id)
    {
        var sku = "TRIAL-" + id.ToUpperInvariant();
        await grains.Catalog().UpsertAsync(
            [new Product
            {
                Sku = sku, Name = "Trial garment", Category = "fashion", Price = Price, Dimensions = new Dimensions { LengthCm = 30, WidthCm = 20, HeightCm = 5 },
                WeightKg = 0.5, SceneTags = [], Description = "What the coupon trials' shoppers send back.",
            }],
            []);
        await grains.Cell(new CellKey(sku, Store)).ReceiveAsync(1_000_000, "trials-opening", "trials");
        return sku;
    }

    public async Task<TrialRun> RunAsync(int trial, bool injected, int shoppers)
    {
        var id = $"trial-{options.Seed}-coupon-{(injected ? "ab" : "aa")}-{trial}";
        var policy = new ReturnOptions().CouponUplift;
        var definition = new ExperimentDefinition
        {
            Id = id,
            Name = injected ? "A/B of the coupon" : "A/A of the coupon",
            Variants =
            [
                new VariantDefinition { Name = "control", Settings = new() { CouponUplift = policy } },
                new VariantDefinition { Name = "treatment", Settings = new() { CouponUplift = injected ? options.TreatmentUplift : policy } },
            ],
            BaseRate = options.BaseRate,
            MinimumEffect = options.Effect,
        };
        var sku = await StockAsync(id);
        var experiment = await TrialExperiment.StartAsync(grains, clock, definition);

        var mismatched = 0;
        var richest = Math.Round(Price * (1m + policy), 2); // the control's coupon: a richer one is the treatment's
        await System.Threading.Tasks.Parallel.ForEachAsync(Enumerable.Range(0, shoppers), new ParallelOptions { MaxDegreeOfParallelism = Parallel }, async (i, _) =>
        {
            var shopperId = $"{id}-shopper{i}";
            var offered = await ReturnedAsync(sku, shopperId, $"{id}-o{i}");
            var expected = $"{id}:{(Assignment.Assign(id, shopperId, [new Variant("control", 1), new Variant("treatment", 1)], 1) == 0 ? "control" : "treatment")}";
            if (offered.Compensation.Experiment != expected)
            {
                Interlocked.Increment(ref mismatched); // the offer's variant must be the one the hash gives
            }

            var random = new Random(Fnv1a.Seed($"{options.Seed}#{shopperId}")); // the same shopper draws the same in every run
            var rate = offered.Compensation.Coupon > richest ? options.BaseRate + options.Effect : options.BaseRate;
            var ret = grains.Return(offered.ReturnId);
            if (random.NextDouble() < rate)
            {
                await Retried(() => ret.ChooseCompensationAsync(CompensationKind.Coupon, shopperId, "shopper:" + shopperId));
            }

            await Retried(() => ret.HandInAtStoreAsync(Store, "trials:counter"));
            var graded = await Retried(() => ret.GradeAsync(ReturnGrade.A, Store, "trials:counter", null));
            if (graded.Return?.Settlement is null)
            {
                throw new InvalidOperationException($"Return {offered.ReturnId} was not settled: {graded.Outcome} {graded.Detail}");
            }
        });

        var results = (await experiment.GetResultsAsync())!;
        await TrialExperiment.StopAsync(experiment, clock);
        var (control, treatment) = (results.Variants[0], results.Variants[1]);
        var comparison = treatment.Conversion!;
        return new TrialRun(
            injected, control.Exposed, treatment.Exposed, control.ConversionRate, treatment.ConversionRate,
            comparison.Difference, comparison.Low, comparison.High, comparison.PValue, results.SampleRatio.Mismatch, mismatched);
    }

    /// <summary>An order placed, packed, ready and collected, then sent back: the return as the shopper sees it (its offer).</summary>
    private async Task<ReturnView> ReturnedAsync(string sku, string shopperId, string orderId)
    {
        var order = grains.Order(new OrderId(orderId));
        var placed = await Retried(() => order.PlaceAsync(new PlaceOrder
        {
            ShopperId = new(shopperId), SessionId = new("s-" + shopperId), Lines = [new OrderLineRequest { Sku = sku, Quantity = 1 }],
            Mode = FulfilmentMode.Pickup, PickupLocationId = Store,
        }));
        if (!placed.Succeeded)
        {
            throw new InvalidOperationException($"Order {orderId} was not placed: {placed.Outcome} {placed.Detail}");
        }

        await Retried(() => order.PackAsync("trials:staff"));
        await Retried(() => order.MarkReadyForPickupAsync("trials:staff"));
        await Retried(() => order.MarkPickedUpAsync("shopper:" + shopperId));
        var made = await Retried(() => grains.Return("r-" + orderId).RequestAsync(new ReturnRequest
        {
            ShopperId = shopperId, OrderId = orderId, Sku = sku, Quantity = 1, Reason = ReturnReason.WrongSize,
            Condition = ItemCondition.OpenedUnused, TagsAttached = true, PhotoType = "image/jpeg", Photo = TagPhoto,
        }));
        return made.Return is { Status: ReturnStatus.Approved } approved
            ? approved
            : throw new InvalidOperationException($"Return of {orderId} was not approved: {made.Outcome} {made.Return?.Check.Reason}");
    }

    private static Task<T> Retried<T>(Func<Task<T>> call) => TrialSimulation.Retried(call);
}
