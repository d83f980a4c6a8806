namespace Tandem.Hosting.Demo;

/// <summary>A basket the demo city's shoppers bought before: its id (the lesson the graph learns once), its skus, and how many days ago.</summary>
public sealed record DemoBasket(string Id, IReadOnlyList<string> Skus, int DaysAgo);
