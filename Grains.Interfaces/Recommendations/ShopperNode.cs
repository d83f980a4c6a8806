namespace Tandem.Grains.Interfaces.Recommendations;

/// <summary>
/// A shopper's node in the product graph: a graph grain keyed <c>shopper:{id}</c> whose co-view edges weigh the
/// products the shopper viewed and whose co-purchase edges the products they bought, over all their sessions
/// (time-decayed like every edge). A new visit picks up where the earlier ones left off.
/// </summary>
public static class ShopperNode
{
    public const string Prefix = "shopper:";

    public static string Key(string shopperId) => Prefix + shopperId;
}
