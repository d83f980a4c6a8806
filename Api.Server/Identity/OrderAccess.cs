using Microsoft.AspNetCore.Http.HttpResults;

using Tandem.Api.Http;
using Tandem.Contracts.Orders;

namespace Tandem.Api.Identity;

/// <summary>
/// Who may see or move an order: operators any; a shopper their own (another's is not found, so its existence
/// does not leak); a courier the orders assigned to them (others are forbidden).
/// </summary>
public static class OrderAccess
{
    /// <summary>Null when <paramref name="caller"/> may act on the order, else the problem to answer.</summary>
    public static ProblemHttpResult? Check(Caller caller, string orderId, OrderView? order) => caller.Role switch
    {
        _ when order is null => Problems.NotFound($"No order {orderId}."),
        Roles.Ops => null,
        Roles.Shopper => order.ShopperId == caller.Subject ? null : Problems.NotFound($"No order {orderId}."),
        Roles.Courier => order.CourierId == caller.Subject ? null : Problems.Forbidden($"Order {orderId} is not assigned to courier {caller.Subject}."),
        _ => Problems.Forbidden("Unknown role."),
    };
}
