namespace Tandem.Brains.Evaluation.Data;

/// <summary>Turns events grouped by session into sessions whose events are in time order (stable for equal times), earliest session first.</summary>
internal static class Sessions
{
    public static IReadOnlyList<ClickSession> InTimeOrder(Dictionary<string, (List<string> Items, List<DateTimeOffset> Times)> grouped) =>
        [.. grouped
            .Select(p =>
            {
                var order = Enumerable.Range(0, p.Value.Items.Count).OrderBy(i => p.Value.Times[i]).ThenBy(i => i).ToList();
                return new ClickSession(p.Key, [.. order.Select(i => p.Value.Items[i])], [.. order.Select(i => p.Value.Times[i])]);
            })
            .OrderBy(s => s.Start)
            .ThenBy(s => s.Id, StringComparer.Ordinal)];
}
