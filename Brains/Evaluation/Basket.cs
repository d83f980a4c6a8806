namespace Tandem.Brains.Evaluation;

/// <summary>The distinct items of one order, in the order they were put in it.</summary>
public sealed record Basket(string Id, DateTimeOffset At, IReadOnlyList<string> Items);
