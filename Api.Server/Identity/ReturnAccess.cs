using Microsoft.AspNetCore.Http.HttpResults;

using Tandem.Api.Http;
using Tandem.Contracts.Returns;

namespace Tandem.Api.Identity;

/// <summary>
/// Who may see or move a return: operators any (staff of a store: see any, so they can look one up at the counter; act on
/// their store's only); a shopper their own (another's is not found); a courier the pickups given to them (others are
/// forbidden).
/// </summary>
public static class ReturnAccess
{
    /// <summary>Null when <paramref name="caller"/> may see the return, else the problem to answer.</summary>
    public static ProblemHttpResult? Check(Caller caller, string returnId, ReturnView? view) => caller.Role switch
    {
        _ when view is null => Problems.NotFound($"No return {returnId}."),
        Roles.Ops => null,
        Roles.Shopper => view.ShopperId == caller.Subject ? null : Problems.NotFound($"No return {returnId}."),
        Roles.Courier => view.CourierId == caller.Subject ? null : Problems.Forbidden($"Return {returnId} is not a pickup of courier {caller.Subject}."),
        _ => Problems.Forbidden("Unknown role."),
    };

    /// <summary>Staff of a store act on returns handed in at their store only (another store's is not found to them).</summary>
    public static ProblemHttpResult? CheckStore(Caller caller, string returnId, ReturnView view) =>
        caller.Store is { } store && view.StoreId != store ? Problems.NotFound($"No return {returnId} handed in at store {store}.") : null;
}
