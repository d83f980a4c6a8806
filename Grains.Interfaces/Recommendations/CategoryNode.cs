namespace Tandem.Grains.Interfaces.Recommendations;

/// <summary>
/// A category's node in the product graph: a graph grain keyed <c>category:{name}</c> whose co-view edges weigh how
/// often each of its products was viewed and whose co-purchase edges how often each was bought (time-decayed like
/// every edge). "Popular in the category" is read from it.
/// </summary>
public static class CategoryNode
{
    public const string Prefix = "category:";

    public static string Key(string category) => Prefix + category;
}
