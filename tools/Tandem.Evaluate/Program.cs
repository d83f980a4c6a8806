using Tandem.Evaluate;

var commands = new Dictionary<string, Func<Arguments, int>>(StringComparer.Ordinal)
{
    ["next-click"] = NextClickCommand.Run,
    ["next-item"] = NextItemCommand.Run,
    ["basket"] = BasketCommand.Run,
    ["intent"] = IntentCommand.Run,
    ["bandit"] = BanditCommand.Run,
    ["forecast"] = ForecastCommand.Run,
    ["season"] = SeasonCommand.Run,
    ["returns"] = ReturnsCommand.Run,
    ["routes"] = RoutesCommand.Run,
    ["packing"] = PackingCommand.Run,
    ["train-intent"] = TrainIntentCommand.Run,
};

// Every command takes --lineage <file>: its run's OpenLineage events are appended there (see RunLineage).
return args is [var command, .. var rest] && commands.TryGetValue(command, out var run)
    ? RunLineage.Run(command, Arguments.Parse(rest), run)
    : Arguments.Usage();
