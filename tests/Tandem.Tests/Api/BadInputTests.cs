using System.Net;
using System.Text.Json;

using Tandem.Contracts.Catalog;
using Tandem.Contracts.Couriers;
using Tandem.Grains.Interfaces.Keys;
using Tandem.Tests.Infrastructure;

namespace Tandem.Tests.Api;

/// <summary>Every bad request gets a 4xx ProblemDetails and changes nothing.</summary>
[Collection(ApiCollection.Name)]
public sealed class BadInputTests(ApiFixture api)
{
    private const string Store = "st-camden";

    // {sku} is a fresh product with 10 units at the store; {courier} a fresh idle courier; {session} a fresh session
    // of shopper "s"; {otherSession}, {otherOrder} and {otherCourier} belong to someone else.
    // Callers: shopper (as "s"), courier (as {courier}), ops, anonymous, or a bad token of shopper "s".
    public static TheoryData<string, string, string, string?, string, int> Cases => new()
    {
        { "malformed JSON", "/api/orders", """{"sessionId":""", "k", Shopper, 400 },
        { "truncated JSON array", "/api/orders", """{"sessionId":"{session}","lines":[{"sku":"{sku}","quantity":1}""", "k", Shopper, 400 },
        { "no body", "/api/orders", "", "k", Shopper, 400 },
        { "missing fields", "/api/orders", """{"sessionId":"{session}"}""", "k", Shopper, 400 },
        { "quantity as text", "/api/orders", Order("\"many\""), "k", Shopper, 400 },
        { "fractional quantity", "/api/orders", Order("1.5"), "k", Shopper, 400 },
        { "zero quantity", "/api/orders", Order("0"), "k", Shopper, 400 },
        { "negative quantity", "/api/orders", Order("-3"), "k", Shopper, 400 },
        { "quantity over 1000", "/api/orders", Order("1001"), "k", Shopper, 400 },
        { "huge quantity", "/api/orders", Order("99999999999"), "k", Shopper, 400 },
        { "missing idempotency key", "/api/orders", Order("1"), null, Shopper, 400 },
        { "unknown sku", "/api/orders", """{"sessionId":"{session}","lines":[{"sku":"NO-SUCH","quantity":1}],"fulfilment":{"mode":"pickup","locationId":"st-camden"}}""", "k", Shopper, 404 },
        { "unknown pickup location", "/api/orders", """{"sessionId":"{session}","lines":[{"sku":"{sku}","quantity":1}],"fulfilment":{"mode":"pickup","locationId":"st-nowhere"}}""", "k", Shopper, 404 },
        { "pickup at a warehouse", "/api/orders", """{"sessionId":"{session}","lines":[{"sku":"{sku}","quantity":1}],"fulfilment":{"mode":"pickup","locationId":"wh-barking"}}""", "k", Shopper, 400 },
        { "unknown fulfilment mode", "/api/orders", """{"sessionId":"{session}","lines":[{"sku":"{sku}","quantity":1}],"fulfilment":{"mode":"teleport"}}""", "k", Shopper, 400 },
        { "delivery without address", "/api/orders", """{"sessionId":"{session}","lines":[{"sku":"{sku}","quantity":1}],"fulfilment":{"mode":"delivery"}}""", "k", Shopper, 400 },
        { "delivery address off the globe", "/api/orders", """{"sessionId":"{session}","lines":[{"sku":"{sku}","quantity":1}],"fulfilment":{"mode":"delivery","address":{"lat":91,"lon":0}}}""", "k", Shopper, 400 },
        { "duplicate lines", "/api/orders", """{"sessionId":"{session}","lines":[{"sku":"{sku}","quantity":1},{"sku":"{sku}","quantity":1}],"fulfilment":{"mode":"pickup","locationId":"st-camden"}}""", "k", Shopper, 400 },
        { "101 lines", "/api/orders", ManyLines(101), "k", Shopper, 400 },
        { "control characters in session id", "/api/orders", """{"sessionId":"a\u0000b","lines":[{"sku":"{sku}","quantity":1}],"fulfilment":{"mode":"pickup","locationId":"st-camden"}}""", "k", Shopper, 400 },
        { "overlong session id", "/api/orders", "{\"sessionId\":\"" + new string('a', 65) + "\",\"lines\":[{\"sku\":\"{sku}\",\"quantity\":1}],\"fulfilment\":{\"mode\":\"pickup\",\"locationId\":\"st-camden\"}}", "k", Shopper, 400 },
        { "cancel unknown order", "/api/orders/o-000000000000000000000000/cancel", "{}", null, Ops, 404 },
        { "receipt of zero", "/api/inventory/{sku}/st-camden/receipts", """{"quantity":0,"reference":"r"}""", null, Ops, 400 },
        { "receipt over 1000", "/api/inventory/{sku}/st-camden/receipts", """{"quantity":1001,"reference":"r"}""", null, Ops, 400 },
        { "receipt without reference", "/api/inventory/{sku}/st-camden/receipts", """{"quantity":5}""", null, Ops, 400 },
        { "receipt for unknown sku", "/api/inventory/NO-SUCH/st-camden/receipts", """{"quantity":5,"reference":"r"}""", null, Ops, 404 },
        { "receipt at unknown location", "/api/inventory/{sku}/st-nowhere/receipts", """{"quantity":5,"reference":"r"}""", null, Ops, 404 },
        { "negative cycle count", "/api/inventory/{sku}/st-camden/adjustments", """{"countedOnHand":-1,"reason":"x","reference":"c"}""", null, Ops, 400 },
        { "sale without a start", "PUT /api/inventory/{sku}/st-camden/sale", "{}", null, Ops, 400 },
        { "sale start as text", "PUT /api/inventory/{sku}/st-camden/sale", """{"startsAt":"soon"}""", null, Ops, 400 },
        { "sale more than a year ahead", "PUT /api/inventory/{sku}/st-camden/sale", """{"startsAt":"2099-01-01T00:00:00Z"}""", null, Ops, 400 },
        { "sale of an unknown sku", "PUT /api/inventory/NO-SUCH/st-camden/sale", """{"startsAt":"2026-12-01T00:00:00Z"}""", null, Ops, 404 },
        { "sale at an unknown location", "PUT /api/inventory/{sku}/st-nowhere/sale", """{"startsAt":"2026-12-01T00:00:00Z"}""", null, Ops, 404 },
        { "calling off a sale of an unknown sku", "DELETE /api/inventory/NO-SUCH/st-camden/sale", "", null, Ops, 404 },
        { "position latitude out of range", "/api/couriers/{courier}/position", """{"lat":123,"lon":0,"at":"2026-01-01T00:00:00Z"}""", null, Courier, 400 },
        { "position longitude out of range", "/api/couriers/{courier}/position", """{"lat":51.5,"lon":-181,"at":"2026-01-01T00:00:00Z"}""", null, Courier, 400 },
        { "position without time", "/api/couriers/{courier}/position", """{"lat":51.5,"lon":-0.1}""", null, Courier, 400 },
        { "status of unknown courier", "/api/couriers/nobody-here/status", """{"status":"idle"}""", null, Ops, 404 },
        { "unknown courier status", "/api/couriers/{courier}/status", """{"status":"flying"}""", null, Courier, 400 },
        { "courier status that follows from assignments", "/api/couriers/{courier}/status", """{"status":"toPickup"}""", null, Courier, 400 },
        { "cart quantity negative", "/api/sessions/{session}/cart", """{"sku":"{sku}","quantity":-1}""", null, Shopper, 400 },
        { "cart unknown sku", "/api/sessions/{session}/cart", """{"sku":"NO-SUCH","quantity":1}""", null, Shopper, 404 },
        { "event batch of 501", "/api/sessions/{session}/events", Events(501), null, Shopper, 400 },
        { "event of unknown type", "/api/sessions/{session}/events", """[{"type":"teleport","at":"2026-01-01T00:00:00Z"}]""", null, Shopper, 400 },
        { "event without time", "/api/sessions/{session}/events", """[{"type":"view","sku":"{sku}"}]""", null, Shopper, 400 },
        { "events for a place with a latitude and no longitude", "/api/sessions/{session}/events?lat=51.5", """[{"type":"view","at":"2026-01-01T00:00:00Z"}]""", null, Shopper, 400 },
        { "events for a place at latitude 91", "/api/sessions/{session}/events?lat=91&lon=0", """[{"type":"view","at":"2026-01-01T00:00:00Z"}]""", null, Shopper, 400 },
        { "events for a place that is not a number", "/api/sessions/{session}/events?lat=north&lon=0", """[{"type":"view","at":"2026-01-01T00:00:00Z"}]""", null, Shopper, 400 },
        { "order body over 64 KB", "/api/orders", Padded(Order("1"), 70_000), "k", Shopper, 413 },
        { "receipt body over 16 KB", "/api/inventory/{sku}/st-camden/receipts", Padded("""{"quantity":1,"reference":"r"}""", 20_000), null, Ops, 413 },
        { "picks shown without a version", "/api/sessions/{session}/picks/shown", """{"skus":["{sku}"]}""", null, Shopper, 400 },
        { "picks shown with a negative version", "/api/sessions/{session}/picks/shown", """{"version":-1,"skus":["{sku}"]}""", null, Shopper, 400 },
        { "picks shown: none named", "/api/sessions/{session}/picks/shown", """{"version":1,"skus":[]}""", null, Shopper, 400 },
        { "picks shown: 13 named", "/api/sessions/{session}/picks/shown", """{"version":1,"skus":[""" + string.Join(",", Enumerable.Repeat("\"{sku}\"", 13)) + "]}", null, Shopper, 400 },
        { "picks shown: a malformed sku", "/api/sessions/{session}/picks/shown", """{"version":1,"skus":["a b"]}""", null, Shopper, 400 },
        { "pick click without a sku", "/api/sessions/{session}/picks/click", """{"version":1}""", null, Shopper, 400 },
        { "click on a pick never shown", "/api/sessions/{session}/picks/click", """{"version":1,"sku":"{sku}"}""", null, Shopper, 409 },
        { "promotion without a reason", "PUT /api/promotions/{sku}", "{}", null, Ops, 400 },
        { "promotion with a reason of control characters", "PUT /api/promotions/{sku}", """{"reason":"a\u0001b"}""", null, Ops, 400 },
        { "promotion ending in the past", "PUT /api/promotions/{sku}", """{"reason":"clearance","until":"2020-01-01T00:00:00Z"}""", null, Ops, 400 },
        { "promotion of an unknown product", "PUT /api/promotions/NO-SUCH", """{"reason":"clearance"}""", null, Ops, 404 },
        { "promotion of a malformed sku", "PUT /api/promotions/a%20b", """{"reason":"clearance"}""", null, Ops, 400 },
        { "ending the promotion of a malformed sku", "DELETE /api/promotions/a%20b", "", null, Ops, 400 },
        { "rain without a radius", "PUT /api/weather/rain/{rain}", """{"lat":51.5,"lon":-0.1,"until":"{soon}"}""", null, Ops, 400 },
        { "rain over more than 50 km", "PUT /api/weather/rain/{rain}", """{"lat":51.5,"lon":-0.1,"radiusKm":51,"until":"{soon}"}""", null, Ops, 400 },
        { "rain off the globe", "PUT /api/weather/rain/{rain}", """{"lat":91,"lon":-0.1,"radiusKm":2,"until":"{soon}"}""", null, Ops, 400 },
        { "rain without an end", "PUT /api/weather/rain/{rain}", """{"lat":51.5,"lon":-0.1,"radiusKm":2}""", null, Ops, 400 },
        { "rain that ended", "PUT /api/weather/rain/{rain}", """{"lat":51.5,"lon":-0.1,"radiusKm":2,"until":"2020-01-01T00:00:00Z"}""", null, Ops, 400 },
        { "rain for more than a week", "PUT /api/weather/rain/{rain}", """{"lat":51.5,"lon":-0.1,"radiusKm":2,"until":"2099-01-01T00:00:00Z"}""", null, Ops, 400 },
        { "rain of negative millimetres", "PUT /api/weather/rain/{rain}", """{"lat":51.5,"lon":-0.1,"radiusKm":2,"mmPerHour":-1,"until":"{soon}"}""", null, Ops, 400 },
        { "rain with the radius as text", "PUT /api/weather/rain/{rain}", """{"lat":51.5,"lon":-0.1,"radiusKm":"wide","until":"{soon}"}""", null, Ops, 400 },
        { "forecast of a malformed sku", "GET /api/forecasts/a%20b/st-camden", "", null, Ops, 400 },
        { "forecast at a malformed location", "GET /api/forecasts/{sku}/st%20camden", "", null, Ops, 400 },
        { "forecast of an unknown product", "GET /api/forecasts/NO-SUCH/st-camden", "", null, Ops, 404 },
        { "forecast at an unknown location", "GET /api/forecasts/{sku}/st-nowhere", "", null, Ops, 404 },
        { "forecast of a cell without sales yet", "GET /api/forecasts/{sku}/st-camden", "", null, Ops, 404 },
        { "accepting a malformed suggestion id", "/api/supply/suggestions/a%20b/accept", "", null, Ops, 400 },
        { "accepting a suggestion id that is not one", "/api/supply/suggestions/tr-1/accept", "", null, Ops, 400 },
        { "accepting an unknown suggestion", "/api/supply/suggestions/sg-nope/accept", "", null, Ops, 404 },
        { "reading an unknown transfer", "GET /api/supply/transfers/tr-nope", "", null, Ops, 404 },
        { "receiving an unknown transfer", "/api/supply/transfers/tr-nope/receive", "", null, Ops, 404 },
        { "receiving a malformed transfer id", "/api/supply/transfers/a%20b/receive", "", null, Ops, 400 },
        { "rain of a malformed id", "PUT /api/weather/rain/a%20b", """{"lat":51.5,"lon":-0.1,"radiusKm":2,"until":"{soon}"}""", null, Ops, 400 },
        { "clearing rain of a malformed id", "DELETE /api/weather/rain/a%20b", "", null, Ops, 400 },
        { "dispatch record of an unknown order", "GET /api/orders/o-000000000000000000000000/dispatch", "", null, Ops, 404 },
        { "dispatch record of a malformed order id", "GET /api/orders/a%20b/dispatch", "", null, Ops, 404 },
        { "event batch over 256 KB", "/api/sessions/{session}/events", "[" + string.Join(",", Enumerable.Repeat(Padded("""{"type":"view","at":"2026-01-01T00:00:00Z"}""", 3_000), 100)) + "]", null, Shopper, 413 },

        // Tokens: missing, expired, wrongly signed, for another audience or issuer, unreadable, without a role.
        { "order without a token", "/api/orders", Order("1"), "k", Anonymous, 401 },
        { "order with an expired token", "/api/orders", Order("1"), "k", Expired, 401 },
        { "order with a wrongly signed token", "/api/orders", Order("1"), "k", Forged, 401 },
        { "order with a token for another audience", "/api/orders", Order("1"), "k", OtherAudience, 401 },
        { "order with a token from another issuer", "/api/orders", Order("1"), "k", OtherIssuer, 401 },
        { "order with an unreadable token", "/api/orders", Order("1"), "k", Garbage, 401 },
        { "order with a token without a role", "/api/orders", Order("1"), "k", NoRole, 403 },
        { "receipt without a token", "/api/inventory/{sku}/st-camden/receipts", """{"quantity":5,"reference":"r"}""", null, Anonymous, 401 },
        { "sale without a token", "PUT /api/inventory/{sku}/st-camden/sale", """{"startsAt":"2026-12-01T00:00:00Z"}""", null, Anonymous, 401 },
        { "session events with an expired token", "/api/sessions/{session}/events", """[{"type":"view","at":"2026-01-01T00:00:00Z"}]""", null, Expired, 401 },

        // The wrong role.
        { "courier places an order", "/api/orders", Order("1"), "k", Courier, 403 },
        { "ops places an order", "/api/orders", Order("1"), "k", Ops, 403 },
        { "shopper receives stock", "/api/inventory/{sku}/st-camden/receipts", """{"quantity":5,"reference":"r"}""", null, Shopper, 403 },
        { "courier adjusts stock", "/api/inventory/{sku}/st-camden/adjustments", """{"countedOnHand":0,"reason":"x","reference":"c"}""", null, Courier, 403 },
        { "shopper schedules a sale", "PUT /api/inventory/{sku}/st-camden/sale", """{"startsAt":"2026-12-01T00:00:00Z"}""", null, Shopper, 403 },
        { "courier calls off a sale", "DELETE /api/inventory/{sku}/st-camden/sale", "", null, Courier, 403 },
        { "shopper reports a courier position", "/api/couriers/{courier}/position", """{"lat":51.5,"lon":-0.1,"at":"2026-01-01T00:00:00Z"}""", null, Shopper, 403 },
        { "shopper packs an order", "/api/orders/{otherOrder}/pack", "{}", null, Shopper, 403 },
        { "courier dispatches an order", "/api/orders/{otherOrder}/dispatch", """{"courierId":"{courier}"}""", null, Courier, 403 },
        { "shopper reads the bandit's records", "GET /api/recommendations/arms", "", null, Shopper, 403 },
        { "anonymous reads the bandit's records", "GET /api/recommendations/arms", "", null, Anonymous, 401 },
        { "shopper promotes a product", "PUT /api/promotions/{sku}", """{"reason":"clearance"}""", null, Shopper, 403 },
        { "courier ends a promotion", "DELETE /api/promotions/{sku}", "", null, Courier, 403 },
        { "anonymous reads the promotions", "GET /api/promotions", "", null, Anonymous, 401 },
        { "anonymous promotes a product", "PUT /api/promotions/{sku}", """{"reason":"clearance"}""", null, Anonymous, 401 },
        { "shopper makes it rain", "PUT /api/weather/rain/{rain}", """{"lat":51.5,"lon":-0.1,"radiusKm":2,"until":"{soon}"}""", null, Shopper, 403 },
        { "courier ends the rain", "DELETE /api/weather/rain/{rain}", "", null, Courier, 403 },
        { "anonymous reads the weather", "GET /api/weather", "", null, Anonymous, 401 },
        { "anonymous makes it rain", "PUT /api/weather/rain/{rain}", """{"lat":51.5,"lon":-0.1,"radiusKm":2,"until":"{soon}"}""", null, Anonymous, 401 },
        { "courier reads the dispatch queue", "GET /api/dispatch/waiting", "", null, Courier, 403 },
        { "shopper reads the dispatch zones", "GET /api/dispatch/zones", "", null, Shopper, 403 },
        { "shopper reads a forecast", "GET /api/forecasts/{sku}/st-camden", "", null, Shopper, 403 },
        { "courier reads the forecast planner", "GET /api/forecasts", "", null, Courier, 403 },
        { "anonymous reads a forecast", "GET /api/forecasts/{sku}/st-camden", "", null, Anonymous, 401 },
        { "shopper accepts a supply suggestion", "/api/supply/suggestions/sg-nope/accept", "", null, Shopper, 403 },
        { "courier reads the supply suggestions", "GET /api/supply/suggestions", "", null, Courier, 403 },
        { "courier receives a transfer", "/api/supply/transfers/tr-nope/receive", "", null, Courier, 403 },
        { "shopper reads the slow movers", "GET /api/supply/slow-movers", "", null, Shopper, 403 },
        { "anonymous accepts a supply suggestion", "/api/supply/suggestions/sg-nope/accept", "", null, Anonymous, 401 },
        { "anonymous reads an order's dispatch record", "GET /api/orders/{otherOrder}/dispatch", "", null, Anonymous, 401 },
        { "courier reports picks shown", "/api/sessions/{session}/picks/shown", """{"version":1,"skus":["{sku}"]}""", null, Courier, 403 },
        { "anonymous pick click", "/api/sessions/{session}/picks/click", """{"version":1,"sku":"{sku}"}""", null, Anonymous, 401 },
        { "courier writes a cart", "/api/sessions/{session}/cart", """{"sku":"{sku}","quantity":1}""", null, Courier, 403 },

        // Another user's ids.
        { "courier reports another courier's position", "/api/couriers/{otherCourier}/position", """{"lat":51.5,"lon":-0.1,"at":"2026-01-01T00:00:00Z"}""", null, Courier, 403 },
        { "courier sets another courier's status", "/api/couriers/{otherCourier}/status", """{"status":"offline"}""", null, Courier, 403 },
        { "courier delivers an order not theirs", "/api/orders/{otherOrder}/delivered", "{}", null, Courier, 403 },
        { "shopper cancels another shopper's order", "/api/orders/{otherOrder}/cancel", "{}", null, Shopper, 404 },
        { "shopper fills another shopper's cart", "/api/sessions/{otherSession}/cart", """{"sku":"{sku}","quantity":1}""", null, Shopper, 404 },
        { "shopper sends events to another shopper's session", "/api/sessions/{otherSession}/events", """[{"type":"view","at":"2026-01-01T00:00:00Z"}]""", null, Shopper, 404 },
        { "shopper reports picks shown in another shopper's session", "/api/sessions/{otherSession}/picks/shown", """{"version":1,"skus":["{sku}"]}""", null, Shopper, 404 },
        { "shopper clicks a pick in another shopper's session", "/api/sessions/{otherSession}/picks/click", """{"version":1,"sku":"{sku}"}""", null, Shopper, 404 },
        { "shopper reads the dispatch record of another shopper's order", "GET /api/orders/{otherOrder}/dispatch", "", null, Shopper, 404 },
        { "courier reads the dispatch record of an order not theirs", "GET /api/orders/{otherOrder}/dispatch", "", null, Courier, 403 },
        { "order with an unknown coupon", "/api/orders", Order("1")[..^1] + ""","couponCode":"cp-0000000000000000"}""", "k", Shopper, 404 },
        { "order with a malformed coupon code", "/api/orders", Order("1")[..^1] + ""","couponCode":"a b"}""", "k", Shopper, 400 },
        { "shopper orders in another shopper's session", "/api/orders", Order("1").Replace("{session}", "{otherSession}", StringComparison.Ordinal), "k", Shopper, 404 },

        // Returns ({order} is the caller's collected order, {return} holds both its units of {sku}, handed in at Brixton).
        { "return without idempotency key", "/api/returns", Return("{order}", "{sku}", 1), null, Shopper, 400 },
        { "return of zero units", "/api/returns", Return("{order}", "{sku}", 0), "ret-zero", Shopper, 400 },
        { "return for an unknown reason", "/api/returns", Return("{order}", "{sku}", 1, reason: "bored"), "ret-bored", Shopper, 400 },
        { "return reason as a number", "/api/returns", Return("{order}", "{sku}", 1, reason: "3"), "ret-number", Shopper, 400 },
        { "return with an unknown condition", "/api/returns", Return("{order}", "{sku}", 1, condition: "mint"), "ret-mint", Shopper, 400 },
        { "return photo not base64", "/api/returns", Return("{order}", "{sku}", 1, photo: "not base64!"), "ret-photo", Shopper, 400 },
        { "return photo without type", "/api/returns", """{"orderId":"{order}","sku":"{sku}","quantity":1,"reason":"wrongSize","photo":{"data":"AAAA"}}""", "ret-type", Shopper, 400 },
        { "returning the same units twice", "/api/returns", Return("{order}", "{sku}", 1), "ret-twice", Shopper, 422 },
        { "returning more than bought", "/api/returns", Return("{order}", "{lateSku}", 2), "ret-more", Shopper, 422 },
        { "returning after the window", "/api/returns", Return("{order}", "{lateSku}", 1), "ret-late", Shopper, 422 },
        { "returning from another shopper's order", "/api/returns", Return("{otherCollected}", "{sku}", 1), "ret-foreign", Shopper, 404 },
        { "store staff take back a line of an unknown order", "/api/returns", Return("o-000000000000000000000000", "{sku}", 1), "ret-staff", CamdenStaff, 404 },
        { "courier requests a return", "/api/returns", Return("{order}", "{sku}", 1), "ret-courier", Courier, 403 },
        { "anonymous return", "/api/returns", Return("{order}", "{sku}", 1), "ret-anon", Anonymous, 401 },
        { "shopper reads another shopper's return", "GET /api/returns/{otherReturn}", "", null, Shopper, 404 },
        { "courier reads a return not their pickup", "GET /api/returns/{return}", "", null, Courier, 403 },
        { "unknown return", "GET /api/returns/r-000000000000", "", null, Ops, 404 },
        { "shopper chooses for another shopper's return", "/api/returns/{otherReturn}/compensation", """{"kind":"refund"}""", null, Shopper, 404 },
        { "unknown compensation", "/api/returns/{return}/compensation", """{"kind":"cash"}""", null, Shopper, 400 },
        { "shopper reviews a return", "/api/returns/{return}/review", """{"approve":true}""", null, Shopper, 403 },
        { "review without a verdict", "/api/returns/{return}/review", """{"note":"x"}""", null, Ops, 400 },
        { "review of a return not in review", "/api/returns/{return}/review", """{"approve":false}""", null, Ops, 409 },
        { "pickup by an unknown courier", "/api/returns/{otherReturn}/pickup", """{"courierId":"nobody-here"}""", null, Ops, 404 },
        { "pickup of a collected return", "/api/returns/{return}/pickup", """{"courierId":"{courier}"}""", null, Ops, 409 },
        { "courier collects another courier's pickup", "/api/returns/{otherReturn}/collected", "{}", null, Courier, 403 },
        { "hand-in at an unknown store", "/api/returns/{otherReturn}/hand-in", """{"storeId":"st-nowhere"}""", null, Ops, 404 },
        { "hand-in at a warehouse", "/api/returns/{otherReturn}/hand-in", """{"storeId":"wh-barking"}""", null, Ops, 404 },
        { "store staff take a return in at another store", "/api/returns/{otherReturn}/hand-in", """{"storeId":"st-brixton"}""", null, CamdenStaff, 403 },
        { "store staff grade another store's return", "/api/returns/{return}/grade", """{"grade":"a"}""", null, CamdenStaff, 404 },
        { "store staff put another store's return away", "/api/returns/{return}/put-away", """{"locationId":"st-camden"}""", null, CamdenStaff, 404 },
        { "grade D", "/api/returns/{return}/grade", """{"grade":"d"}""", null, Ops, 400 },
        { "courier grades a return", "/api/returns/{return}/grade", """{"grade":"a"}""", null, Courier, 403 },
        { "put-away before grading", "/api/returns/{return}/put-away", """{"locationId":"st-brixton"}""", null, Ops, 409 },
        { "sorting of an item not collected", "/api/returns/{otherReturn}/sorting", "{}", null, Ops, 409 },
        { "courier takes another courier's pickup to sorting", "/api/returns/{otherReturn}/sorting", "{}", null, Courier, 403 },
        { "shopper marks a return at sorting", "/api/returns/{return}/sorting", "{}", null, Shopper, 403 },
        { "courier accepts a return pickup never offered", "/api/couriers/{courier}/offers/{otherReturn}/accept", "{}", null, Courier, 409 },
        { "pickup decisions of another shopper's return", "GET /api/returns/{otherReturn}/dispatch", "", null, Shopper, 404 },
        { "pickup decisions of a return not the courier's", "GET /api/returns/{return}/dispatch", "", null, Courier, 403 },
        { "pickup decisions of an unknown return", "GET /api/returns/r-000000000000000000000000/dispatch", "", null, Ops, 404 },
        { "pickup decisions of a malformed return id", "GET /api/returns/a%20b/dispatch", "", null, Ops, 404 },
        { "shopper reads a coupon that does not exist", "GET /api/coupons/cp-0000000000000000", "", null, Shopper, 404 },

        // Packing.
        { "shopper reads an order's packing", "GET /api/orders/{otherOrder}/packing", "", null, Shopper, 403 },
        { "courier reads an order's packing", "GET /api/orders/{otherOrder}/packing", "", null, Courier, 403 },
        { "anonymous reads an order's packing", "GET /api/orders/{otherOrder}/packing", "", null, Anonymous, 401 },
        { "packing of an unknown order", "GET /api/orders/o-000000000000000000000000/packing", "", null, Ops, 404 },
        { "packing of a malformed order id", "GET /api/orders/a%20b/packing", "", null, Ops, 404 },
        { "packing of an overlong order id", "GET /api/orders/" + new string('o', 65) + "/packing", "", null, Ops, 404 },

        // Experiments: central operations only; a definition checked field by field; start and stop by state.
        { "shopper lists experiments", "GET /api/experiments", "", null, Shopper, 403 },
        { "shopper reads a decision's lineage", "GET /api/lineage/order:{order}", "", null, Shopper, 403 },
        { "courier reads a decision's lineage", "GET /api/lineage/dispatch:{order}", "", null, Courier, 403 },
        { "shopper reads the lineage runs", "GET /api/lineage/runs", "", null, Shopper, 403 },
        { "anonymous reads the lineage runs", "GET /api/lineage/runs", "", null, Anonymous, 401 },
        { "anonymous reads a decision's lineage", "GET /api/lineage/order:{order}", "", null, Anonymous, 401 },
        { "lineage of an unknown kind", "GET /api/lineage/horoscope:{order}", "", null, Ops, 400 },
        { "lineage id over 300 characters", "GET /api/lineage/order:" + new string('o', 300), "", null, Ops, 400 },
        { "lineage of a malformed cell", "GET /api/lineage/demand:nocell", "", null, Ops, 400 },
        { "lineage of an unknown order", "GET /api/lineage/order:{newExperiment}", "", null, Ops, 404 },
        { "lineage of picks for a version that is not a number", "GET /api/lineage/picks:s-1@latest", "", null, Ops, 400 },
        { "lineage of picks with a malformed session", "GET /api/lineage/picks:s%20one", "", null, Ops, 400 },
        { "shopper reads a list's lineage", "GET /api/lineage/picks:{session}", "", null, Shopper, 403 },
        { "lineage of an unknown experiment", "GET /api/lineage/experiment:{newExperiment}", "", null, Ops, 404 },
        { "courier defines an experiment", "/api/experiments", Experiment(), null, Courier, 403 },
        { "anonymous starts an experiment", "/api/experiments/{experiment}/start", "", null, Anonymous, 401 },
        { "store staff define an experiment", "/api/experiments", Experiment(), null, CamdenStaff, 403 },
        { "store staff start an experiment", "/api/experiments/{experiment}/start", "", null, CamdenStaff, 403 },
        { "store staff stop an experiment", "/api/experiments/{experiment}/stop", "", null, CamdenStaff, 403 },
        { "experiment without variants", "/api/experiments", """{"id":"{newExperiment}","name":"n"}""", null, Ops, 400 },
        { "experiment of one variant", "/api/experiments", Experiment(variants: """[{"name":"a","settings":{"recommendationStrategy":"popular"}}]"""), null, Ops, 400 },
        { "experiment of 9 variants", "/api/experiments", Experiment(variants: "[" + string.Join(",", Enumerable.Range(0, 9).Select(i => "{\"name\":\"v" + i + "\",\"settings\":{\"recommendationStrategy\":\"popular\"}}")) + "]"), null, Ops, 400 },
        { "variants of one name", "/api/experiments", Experiment(variants: """[{"name":"a","settings":{"recommendationStrategy":"bandit"}},{"name":"a","settings":{"recommendationStrategy":"popular"}}]"""), null, Ops, 400 },
        { "variant of weight 0", "/api/experiments", Experiment(weight: "0"), null, Ops, 400 },
        { "variant of negative weight", "/api/experiments", Experiment(weight: "-1"), null, Ops, 400 },
        { "variant weight as text", "/api/experiments", Experiment(weight: "\"half\""), null, Ops, 400 },
        { "unknown recommendation strategy", "/api/experiments", Experiment(strategy: "astrology"), null, Ops, 400 },
        { "experiment changing nothing", "/api/experiments", Experiment(variants: """[{"name":"a"},{"name":"b"}]"""), null, Ops, 400 },
        { "malformed variant name", "/api/experiments", Experiment(variants: """[{"name":"a b","settings":{"recommendationStrategy":"bandit"}},{"name":"c","settings":{"recommendationStrategy":"popular"}}]"""), null, Ops, 400 },
        { "traffic over 1", "/api/experiments", Experiment(extra: ""","traffic":1.5"""), null, Ops, 400 },
        { "traffic of 0", "/api/experiments", Experiment(extra: ""","traffic":0"""), null, Ops, 400 },
        { "unknown segment", "/api/experiments", Experiment(extra: ""","segments":["vip"]"""), null, Ops, 400 },
        { "base rate of 1", "/api/experiments", Experiment(extra: ""","baseRate":1"""), null, Ops, 400 },
        { "minimum effect past 100 %", "/api/experiments", Experiment(extra: ""","baseRate":0.5,"minimumEffect":0.6"""), null, Ops, 400 },
        { "malformed experiment id", "/api/experiments", Experiment(id: "a b"), null, Ops, 400 },
        { "experiment name of 201 characters", "/api/experiments", Experiment(name: new string('n', 201)), null, Ops, 400 },
        { "experiment body over 16 KB", "/api/experiments", Padded(Experiment(), 20_000), null, Ops, 413 },
        { "service level of 0.3", "/api/experiments", Experiment(variants: """[{"name":"a"},{"name":"b","settings":{"serviceLevel":0.3}}]"""), null, Ops, 400 },
        { "service level of 1", "/api/experiments", Experiment(variants: """[{"name":"a"},{"name":"b","settings":{"serviceLevel":1}}]"""), null, Ops, 400 },
        { "dispatch window of 0 s", "/api/experiments", Experiment(variants: """[{"name":"a"},{"name":"b","settings":{"dispatchWindowSeconds":0}}]"""), null, Ops, 400 },
        { "dispatch window of 10 minutes", "/api/experiments", Experiment(variants: """[{"name":"a"},{"name":"b","settings":{"dispatchWindowSeconds":600}}]"""), null, Ops, 400 },
        { "negative coupon uplift", "/api/experiments", Experiment(variants: """[{"name":"a"},{"name":"b","settings":{"couponUplift":-0.1}}]"""), null, Ops, 400 },
        { "coupon uplift of 150 %", "/api/experiments", Experiment(variants: """[{"name":"a"},{"name":"b","settings":{"couponUplift":1.5}}]"""), null, Ops, 400 },
        { "coupon experiment targeting regions", "/api/experiments", Experiment(variants: """[{"name":"a"},{"name":"b","settings":{"couponUplift":0.3}}]""", extra: ""","regions":["r1c1"]"""), null, Ops, 400 },
        { "dispatch window as text", "/api/experiments", Experiment(variants: """[{"name":"a"},{"name":"b","settings":{"dispatchWindowSeconds":"long"}}]"""), null, Ops, 400 },
        { "malformed region", "/api/experiments", Experiment(variants: """[{"name":"a"},{"name":"b","settings":{"dispatchWindowSeconds":9}}]""", extra: ""","regions":["camden"]"""), null, Ops, 400 },
        { "a region twice", "/api/experiments", Experiment(variants: """[{"name":"a"},{"name":"b","settings":{"dispatchWindowSeconds":9}}]""", extra: ""","regions":["r1c1","r1c1"]"""), null, Ops, 400 },
        { "guardrail on an unknown indicator", "/api/experiments", Experiment(extra: ""","guardrails":[{"indicator":"happiness","margin":1}]"""), null, Ops, 400 },
        { "guardrail of negative margin", "/api/experiments", Experiment(extra: ""","guardrails":[{"indicator":"onTime","margin":-0.1}]"""), null, Ops, 400 },
        { "two guardrails on one indicator", "/api/experiments", Experiment(extra: ""","guardrails":[{"indicator":"onTime","margin":0.1},{"indicator":"onTime","margin":0.2}]"""), null, Ops, 400 },
        { "another definition under an existing id", "/api/experiments", Experiment(id: "{experiment}", strategy: "scene"), null, Ops, 409 },
        { "starting a stopped experiment", "/api/experiments/{stoppedExperiment}/start", "", null, Ops, 409 },
        { "starting an unknown experiment", "/api/experiments/{newExperiment}/start", "", null, Ops, 404 },
        { "stopping an unknown experiment", "/api/experiments/{newExperiment}/stop", "", null, Ops, 404 },
        { "reading an unknown experiment", "GET /api/experiments/{newExperiment}", "", null, Ops, 404 },
        { "reading a malformed experiment id", "GET /api/experiments/a%20b", "", null, Ops, 400 },
        { "layout of another shopper's session", "GET /api/sessions/{otherSession}/layout", "", null, Shopper, 404 },
        { "layout of a malformed session id", "GET /api/sessions/a%20b/layout", "", null, Shopper, 404 },
        { "courier asks a session's layout", "GET /api/sessions/{session}/layout", "", null, Courier, 403 },
        { "anonymous asks a session's layout", "GET /api/sessions/{session}/layout", "", null, Anonymous, 401 },
        { "unknown page layout", "/api/experiments", Experiment(variants: """[{"name":"a","settings":{"layout":"standard"}},{"name":"b","settings":{"layout":"carousel"}}]"""), null, Ops, 400 },
        { "starting an overlong experiment id", "/api/experiments/" + new string('e', 65) + "/start", "", null, Ops, 400 },

        // The post-delivery survey and the live KPIs.
        { "survey without a score", "/api/orders/{order}/survey", "{}", null, Shopper, 400 },
        { "survey score of 11", "/api/orders/{order}/survey", """{"score":11}""", null, Shopper, 400 },
        { "survey score of -1", "/api/orders/{order}/survey", """{"score":-1}""", null, Shopper, 400 },
        { "survey score as text", "/api/orders/{order}/survey", """{"score":"ten"}""", null, Shopper, 400 },
        { "survey score of 7.5", "/api/orders/{order}/survey", """{"score":7.5}""", null, Shopper, 400 },
        { "survey answered again with another score", "/api/orders/{order}/survey", """{"score":2}""", null, Shopper, 409 },
        { "survey of another shopper's order", "/api/orders/{otherCollected}/survey", """{"score":9}""", null, Shopper, 404 },
        { "survey of an unknown order", "/api/orders/o-nope-1/survey", """{"score":9}""", null, Shopper, 404 },
        { "courier answers a survey", "/api/orders/{order}/survey", """{"score":9}""", null, Courier, 403 },
        { "operator answers a survey", "/api/orders/{order}/survey", """{"score":9}""", null, Ops, 403 },
        { "anonymous answers a survey", "/api/orders/{order}/survey", """{"score":9}""", null, Anonymous, 401 },
        { "survey body over 1 KB", "/api/orders/{order}/survey", Padded("""{"score":9}""", 2_000), null, Shopper, 413 },
        { "shopper reads the KPIs", "GET /api/kpis", "", null, Shopper, 403 },
        { "courier reads the KPIs", "GET /api/kpis", "", null, Courier, 403 },
        { "anonymous reads the KPIs", "GET /api/kpis", "", null, Anonymous, 401 },
        { "KPIs over an unknown window", "GET /api/kpis?window=2h", "", null, Ops, 400 },
        { "KPIs over a window without its unit", "GET /api/kpis?window=15", "", null, Ops, 400 },

        // Development tokens.
        { "dev token for an unknown role", "/api/dev/token", """{"role":"admin","subject":"s"}""", null, Anonymous, 400 },
        { "dev token for a malformed subject", "/api/dev/token", """{"role":"ops","subject":"a b"}""", null, Anonymous, 400 },
        { "dev token of a shopper at a store", "/api/dev/token", """{"role":"shopper","subject":"s","store":"st-camden"}""", null, Anonymous, 400 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Bad_input_is_a_problem_and_changes_nothing(string name, string path, string? body, string? key, string caller, int status)
    {
        var world = await HostileWorld.CreateAsync(api);
        var before = await world.DescribeAsync();
        using var client = api.CreateClient();

        // A path is POSTed unless it starts with its method ("PUT /api/...").
        var (method, target) = path.Split(' ') is [var verb, var rest] ? (new HttpMethod(verb), rest) : (HttpMethod.Post, path);
        using var request = new HttpRequestMessage(method, world.Fill(target)) { Content = method == HttpMethod.Delete ? null : Http.Json(world.Fill(body ?? "")) };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        if (world.TokenFor(caller) is { } token)
        {
            request.Headers.Authorization = new("Bearer", token);
        }

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.True(status == (int)response.StatusCode, $"{name}: expected {status}, got {(int)response.StatusCode}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(status, problem.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(problem.RootElement.GetProperty("title").GetString()));
        Assert.True(problem.RootElement.TryGetProperty("detail", out _) || problem.RootElement.TryGetProperty("errors", out _), $"{name}: no detail or errors");
        Assert.Equal(before, await world.DescribeAsync());
        if (key is not null)
        {
            Assert.Null(await api.Grains.Order(OrderId.FromIdempotencyKey(HostileWorld.ShopperId, key)).GetAsync());
        }
    }

    [Fact]
    public async Task Cancelling_a_delivered_order_is_409_and_changes_nothing()
    {
        using var client = api.Ops();
        var sku = (await TestData.NewProductsAsync(api.Grains, 1, withTestLocations: false))[0];
        await client.ReceiveAsync(sku, Store, 5, "opening");
        var courier = TestData.NewId("courier");
        await api.Grains.Courier(new CourierId(courier)).RegisterAsync("Test", 2, new GeoPoint { Lat = 51.5, Lon = -0.1 }, CourierStatus.Idle);
        var placed = await client.PostJsonAsync("/api/orders", Http.DeliveryOrder(TestData.NewId("session"), 51.54, -0.14, (sku, 1)), "deliver-me", api.Token("shopper", "s"));
        var orderId = JsonDocument.Parse(await placed.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.GetProperty("orderId").GetString();
        foreach (var step in new[] { "pack", "dispatch", "picked-up", "delivered" })
        {
            var body = step == "dispatch" ? $$"""{"courierId":"{{courier}}"}""" : "{}";
            (await client.PostJsonAsync($"/api/orders/{orderId}/{step}", body)).EnsureSuccessStatusCode();
        }

        var before = await client.GetStringAsync(new Uri($"/api/orders/{orderId}", UriKind.Relative), TestContext.Current.CancellationToken);
        using var cancel = await client.PostJsonAsync($"/api/orders/{orderId}/cancel", "{}");

        Assert.Equal(HttpStatusCode.Conflict, cancel.StatusCode);
        Assert.Equal("application/problem+json", cancel.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await client.GetStringAsync(new Uri($"/api/orders/{orderId}", UriKind.Relative), TestContext.Current.CancellationToken));
    }

    private const string Shopper = "shopper";
    private const string Courier = "courier";
    private const string Ops = "ops";
    private const string CamdenStaff = "camden-staff";
    private const string Anonymous = "anonymous";
    private const string Expired = "expired";
    private const string Forged = "forged";
    private const string OtherAudience = "other-audience";
    private const string OtherIssuer = "other-issuer";
    private const string Garbage = "garbage";
    private const string NoRole = "no-role";

    private static string Experiment(string id = "{newExperiment}", string name = "Picks", string? variants = null, string weight = "1", string strategy = "popular", string extra = "")
    {
        variants ??= "[{\"name\":\"control\",\"settings\":{\"recommendationStrategy\":\"bandit\"}},"
            + "{\"name\":\"treatment\",\"weight\":" + weight + ",\"settings\":{\"recommendationStrategy\":\"" + strategy + "\"}}]";
        return "{\"id\":\"" + id + "\",\"name\":\"" + name + "\",\"variants\":" + variants + extra + "}";
    }

    private static string Order(string quantity) =>
        """{"sessionId":"{session}","lines":[{"sku":"{sku}","quantity":""" + quantity + """}],"fulfilment":{"mode":"pickup","locationId":"st-camden"}}""";

    private static string Return(string orderId, string sku, int quantity, string reason = "wrongSize", string condition = "openedUnused", string? photo = null) =>
        JsonSerializer.Serialize(new
        {
            orderId, sku, quantity, reason, condition, tagsAttached = true,
            photo = new { type = "image/jpeg", data = photo ?? Convert.ToBase64String(TestData.TagPhoto) },
        });

    /// <summary>The object with an extra (ignored) property that brings it to about <paramref name="size"/> characters.</summary>
    private static string Padded(string json, int size) => json[..^1] + ",\"padding\":\"" + new string('x', size) + "\"}";

    private static string ManyLines(int count) =>
        JsonSerializer.Serialize(new
        {
            sessionId = "{session}",
            lines = Enumerable.Range(0, count).Select(i => new { sku = $"SKU-{i}", quantity = 1 }),
            fulfilment = new { mode = "pickup", locationId = "st-camden" },
        });

    private static string Events(int count) =>
        JsonSerializer.Serialize(Enumerable.Range(0, count).Select(i => new { type = "view", sku = "x", at = DateTimeOffset.UnixEpoch.AddSeconds(i) }));
}
