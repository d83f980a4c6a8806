using System.Security.Claims;

using Tandem.Grains.Interfaces.Keys;

namespace Tandem.Api.Identity;

/// <summary>
/// The signed-in user as the token names them: subject (shopper, courier or operator id), role, and for an operator who is
/// staff of one store, that store (<see cref="Store"/>; null: central operations).
/// </summary>
public readonly record struct Caller(string Subject, string Role, string? Store = null)
{
    public const string SubjectClaim = "sub";

    /// <summary>The claim naming the store an operator works at.</summary>
    public const string StoreClaim = "store";

    public bool IsShopper => Role == Roles.Shopper;

    public bool IsCourier => Role == Roles.Courier;

    public bool IsOps => Role == Roles.Ops;

    /// <summary>The caller as a shopper: the key of their session claims and holds.</summary>
    public ShopperId Shopper => new(Subject);

    /// <summary>How the caller appears in a grain's history: <c>role:subject</c>.</summary>
    public string Actor => Role + ":" + Subject;

    /// <summary>
    /// The caller of an authorized request. A token with several Tandem roles acts with the strongest
    /// (ops, then courier, then shopper).
    /// </summary>
    public static Caller Of(ClaimsPrincipal user) =>
        TryOf(user) ?? throw new InvalidOperationException("The request was authorized without a Tandem identity.");

    public static Caller? TryOf(ClaimsPrincipal user)
    {
        var subject = user.FindFirstValue(SubjectClaim);
        if (user.Identity is not { IsAuthenticated: true } || !Identifier.IsValid(subject))
        {
            return null;
        }

        var role = user.IsInRole(Roles.Ops) ? Roles.Ops
            : user.IsInRole(Roles.Courier) ? Roles.Courier
            : user.IsInRole(Roles.Shopper) ? Roles.Shopper
            : null;
        var store = role == Roles.Ops ? user.FindFirstValue(StoreClaim) : null;
        return role is null ? null : new Caller(subject!, role, Identifier.IsValid(store) ? store : null);
    }
}
