namespace Tandem.Contracts.Experiments;

/// <summary>
/// What an experiment assigns to its variants, by the setting it changes: a shopper's session (recommendation strategy,
/// page layout), a dispatch zone (dispatch window) or a store cell (service level). Each kind of unit is hashed on its
/// own, so an experiment changing a setting of two kinds crosses them: every session variant meets every zone variant.
/// </summary>
public static class ExperimentUnitKinds
{
    public const string Session = "session";

    public const string Region = "region";

    public const string Cell = "cell";

    /// <summary>The unit a <see cref="VariantSettings"/> property is assigned by.</summary>
    public static string Of(string setting) => setting switch
    {
        nameof(VariantSettings.ServiceLevel) => Cell,
        nameof(VariantSettings.DispatchWindowSeconds) => Region,
        _ => Session,
    };
}
