using System.Globalization;

using Tandem.Contracts.Catalog;
using Tandem.Contracts.Inventory;
using Tandem.Contracts.Orders;

namespace Tandem.Simulator.City;

/// <summary>
/// One shopper's visit: browses a category, looks at a few products (dwell, scroll, clicks, the size chart now
/// and then), puts some in the cart and, with some probability, checks out for delivery or pickup.
/// </summary>
public sealed class ShopperAgent(TandemClient client, Random random, SimulatedTime time, IReadOnlyList<string> categories, CityStats stats)
{
    public const double AddToCartProbability = 0.35;
    public const double PurchaseProbability = 0.6;
    public const double DeliveryShare = 0.7;

    /// <summary>The share of buyers who follow their order and answer the survey once they have it.</summary>
    public const double SurveyShare = 0.2;

    /// <summary>How often (simulated) a buyer who answers the survey looks at the order, and for how long at most.</summary>
    public static readonly TimeSpan SurveyPoll = TimeSpan.FromMinutes(5);

    public static readonly TimeSpan SurveyGivesUpAfter = TimeSpan.FromHours(4);

    /// <summary>The promise the survey's answer weighs delivery against (the dispatch's, from placing).</summary>
    public static readonly TimeSpan Promise = TimeSpan.FromMinutes(45);

    private readonly string _session = "sim-" + client.Subject;

    /// <summary>Where the shopper lives: the place its behaviour is sent for and its deliveries go to.</summary>
    private readonly GeoPoint _home = Streets.Address(random);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref stats.Sessions);
        var category = categories[random.Next(categories.Count)];
        var page = await client.GetAsync<ProductPage>($"/api/products?category={Uri.EscapeDataString(category)}&take=40", cancellationToken);
        if (page is null || page.Items.Count == 0)
        {
            return;
        }

        var cart = new Dictionary<string, int>();
        var views = random.Next(2, 7);
        for (var v = 0; v < views; v++)
        {
            var product = page.Items[random.Next(page.Items.Count)];
            Interlocked.Increment(ref stats.ProductViews);
            var dwell = SimulatedTime.Between(random, 4, 50);
            await time.WaitAsync(dwell, cancellationToken);
            var events = new List<object>
            {
                Event("view", product.Sku),
                Event("dwell", product.Sku, Math.Round(dwell.TotalMilliseconds)),
                Event("scroll", product.Sku, Math.Round(random.NextDouble(), 3)),
                Event("scrollSpeed", product.Sku, random.Next(200, 2500)),
            };
            for (var c = random.Next(0, 4); c > 0; c--)
            {
                events.Add(new { type = "click", sku = product.Sku, at = DateTimeOffset.UtcNow, x = Math.Round(random.NextDouble(), 3), y = Math.Round(random.NextDouble(), 3) });
            }

            if (random.NextDouble() < 0.15)
            {
                events.Add(Event("sizeChart", product.Sku));
            }

            if (random.NextDouble() < AddToCartProbability)
            {
                var quantity = cart.GetValueOrDefault(product.Sku) + random.Next(1, 3);
                cart[product.Sku] = quantity;
                events.Add(Event("addToCart", product.Sku, quantity));
                await client.PostAsync($"/api/sessions/{_session}/cart", new { sku = product.Sku, quantity }, cancellationToken);
            }

            await client.PostAsync(FormattableString.Invariant($"/api/sessions/{_session}/events?lat={_home.Lat}&lon={_home.Lon}"), events, cancellationToken);
        }

        if (cart.Count > 0 && random.NextDouble() < PurchaseProbability)
        {
            await CheckOutAsync(cart, cancellationToken);
        }
    }

    private async Task CheckOutAsync(Dictionary<string, int> cart, CancellationToken cancellationToken)
    {
        object fulfilment = new { mode = "delivery", address = _home };
        if (random.NextDouble() >= DeliveryShare)
        {
            var first = cart.First();
            var availability = await client.GetAsync<ProductAvailability>($"/api/products/{first.Key}/availability", cancellationToken);
            var store = availability?.Locations.Where(l => l.Kind == LocationKind.Store && l.Available >= first.Value).Select(l => l.LocationId).FirstOrDefault();
            if (store is not null)
            {
                fulfilment = new { mode = "pickup", locationId = store };
            }
        }

        var lines = cart.Select(l => new { sku = l.Key, quantity = l.Value }).ToArray();
        var (status, body) = await client.PostAsync("/api/orders", new { sessionId = _session, lines, fulfilment }, cancellationToken, idempotencyKey: _session + "-checkout");
        if (status == 201)
        {
            Interlocked.Increment(ref stats.OrdersPlaced);
            if (random.NextDouble() < SurveyShare && body?.GetProperty("orderId").GetString() is { } orderId)
            {
                await AnswerSurveyAsync(orderId, cancellationToken);
            }
        }
        else
        {
            Interlocked.Increment(ref stats.OrdersRefused);
        }
    }

    /// <summary>
    /// Looks at the order now and then until the goods are there, then answers how likely they are to recommend Tandem:
    /// mostly 9–10 when it came within the promise (or was collected), mostly lower when it was late.
    /// </summary>
    private async Task AnswerSurveyAsync(string orderId, CancellationToken cancellationToken)
    {
        for (var waited = TimeSpan.Zero; waited < SurveyGivesUpAfter; waited += SurveyPoll)
        {
            await time.WaitAsync(SurveyPoll, cancellationToken);
            OrderView? order;
            try
            {
                order = await client.GetAsync<OrderView>($"/api/orders/{orderId}", cancellationToken);
            }
            catch (HttpRequestException)
            {
                continue; // look again later
            }

            if (order is null || order.Status is OrderStatus.Cancelled or OrderStatus.Expired)
            {
                return;
            }

            if (order.ReceivedAt is { } received)
            {
                var late = order.Mode == FulfilmentMode.Delivery && (received - order.PlacedAt) * time.Pace > Promise;
                var (answered, _) = await client.PostAsync($"/api/orders/{orderId}/survey", new { score = Score(late) }, cancellationToken);
                if (answered == 200)
                {
                    Interlocked.Increment(ref stats.Surveys);
                }

                return;
            }
        }
    }

    /// <summary>An answer from 0 to 10: on time, 70 % promoters and 10 % detractors; late, 25 % promoters and 45 % detractors.</summary>
    private int Score(bool late)
    {
        var draw = random.NextDouble();
        var (promoter, passive) = late ? (0.25, 0.30) : (0.70, 0.20);
        return draw < promoter ? random.Next(9, 11) : draw < promoter + passive ? random.Next(7, 9) : random.Next(0, 7);
    }

    private static object Event(string type, string sku, double? value = null) =>
        value is null ? new { type, sku, at = DateTimeOffset.UtcNow } : new { type, sku, at = DateTimeOffset.UtcNow, value = (double?)value };

    /// <summary>The shopper id of the <paramref name="n"/>-th visit.</summary>
    public static string ShopperId(int n) => "sim-shopper-" + n.ToString("D6", CultureInfo.InvariantCulture);

    /// <summary>Visits needed per minute for a target order rate, given the shopping probabilities (4 views on average).</summary>
    public static double VisitsPerMinute(double ordersPerMinute) =>
        ordersPerMinute / ((1 - Math.Pow(1 - AddToCartProbability, 4)) * PurchaseProbability);
}
