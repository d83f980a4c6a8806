namespace Tandem.Contracts.Sessions;

[GenerateSerializer, Alias("tandem.behaviour-type")]
public enum BehaviourType
{
    View = 0,
    Dwell = 1,
    Scroll = 2,
    Click = 3,
    SizeChart = 4,
    AddToCart = 5,
    ScrollSpeed = 6,
}
