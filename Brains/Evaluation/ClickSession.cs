namespace Tandem.Brains.Evaluation;

/// <summary>One session's item events in time order (views or clicks), each with its time.</summary>
public sealed record ClickSession(string Id, IReadOnlyList<string> Items, IReadOnlyList<DateTimeOffset> Times)
{
    public DateTimeOffset Start => Times[0];
}
