namespace Tandem.Contracts.Experiments;

/// <summary>
/// What an experiment assigns to its variants, by the setting it changes: a shopper's session (recommendation strategy,
/// page layout), a shopper (the returns' coupon uplift), a dispatch zone (dispatch window) or a store cell (service level). Each kind of unit is hashed on its
/// own, so an experiment changing a setting of two kinds crosses them: every session variant meets every zone variant.
/// </summary>
public static class ExperimentUnitKinds
{
    public const string Session = "session";

    public const string Shopper = "shopper";

    public const string Region = "region";

    public const string Cell = "cell";

    /// <summary>Units whose orders or coupons convert: an experiment's main result counts sessions, or else shoppers (zones and cells are read through their KPIs).</summary>
    public static bool Converts(string unit) => unit is Session or Shopper;

    /// <summary>The unit a <see cref="VariantSettings"/> property is assigned by.</summary>
    public static string Of(string setting) => setting switch
    {
        nameof(VariantSettings.ServiceLevel) => Cell,
        nameof(VariantSettings.DispatchWindowSeconds) => Region,
        nameof(VariantSettings.CouponUplift) => Shopper,
        _ => Session,
    };
}
