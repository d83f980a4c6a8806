namespace Tandem.Api.Identity;

/// <summary>The three kinds of users; each is also the name of the authorization policy that admits it.</summary>
public static class Roles
{
    public const string Shopper = "shopper";
    public const string Courier = "courier";
    public const string Ops = "ops";

    /// <summary>Any signed-in Tandem user (a shopper, courier or operator).</summary>
    public const string AnyUser = "any-user";

    /// <summary>The courier carrying something, or an operator acting for them.</summary>
    public const string CourierOrOps = "courier-or-ops";

    /// <summary>The shopper who owns something, or an operator acting for them.</summary>
    public const string ShopperOrOps = "shopper-or-ops";

    public static readonly IReadOnlyList<string> All = [Shopper, Courier, Ops];
}
