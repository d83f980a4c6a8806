namespace Tandem.Brains.Forecasting;

/// <summary>The outside signals a demand forecast can use.</summary>
public enum DemandSignal
{
    /// <summary>Daily mean air temperature, °C.</summary>
    Temperature,

    /// <summary>Daily precipitation, mm.</summary>
    Precipitation,

    /// <summary>A social-sentiment index for the shop's goods, −1 (negative) … +1 (positive).</summary>
    Sentiment,

    /// <summary>The competitors' price as a share of ours (1 = the same).</summary>
    CompetitorPrice,
}
