using Tandem.Evaluate;

return args switch
{
    ["next-click", .. var rest] => NextClickCommand.Run(Arguments.Parse(rest)),
    ["next-item", .. var rest] => NextItemCommand.Run(Arguments.Parse(rest)),
    ["basket", .. var rest] => BasketCommand.Run(Arguments.Parse(rest)),
    ["intent", .. var rest] => IntentCommand.Run(Arguments.Parse(rest)),
    ["bandit", .. var rest] => BanditCommand.Run(Arguments.Parse(rest)),
    ["forecast", .. var rest] => ForecastCommand.Run(Arguments.Parse(rest)),
    ["season", .. var rest] => SeasonCommand.Run(Arguments.Parse(rest)),
    ["returns", .. var rest] => ReturnsCommand.Run(Arguments.Parse(rest)),
    ["routes", .. var rest] => RoutesCommand.Run(Arguments.Parse(rest)),
    ["packing", .. var rest] => PackingCommand.Run(Arguments.Parse(rest)),
    ["train-intent", .. var rest] => TrainIntentCommand.Run(Arguments.Parse(rest)),
    _ => Arguments.Usage(),
};
