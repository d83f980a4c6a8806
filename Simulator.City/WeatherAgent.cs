namespace Tandem.Simulator.City;

/// <summary>
/// The city's weather: every <c>every</c> of simulated time it rains over a random part of inner London (a circle of
/// 3–6 km) for half that long, set through the operators' weather API, so dispatch rides slower there.
/// </summary>
public sealed class WeatherAgent(TandemClient ops, Random random, SimulatedTime time, TimeSpan every, TextWriter log)
{
    public const string AreaId = "sim-rain";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            await time.WaitAsync(every / 2, cancellationToken);
            var centre = Streets.Address(random);
            var radiusKm = 3 + (3 * random.NextDouble());
            var lasts = every / 2;
            var until = DateTimeOffset.UtcNow + (lasts / time.Pace);
            var status = await ops.PutAsync($"/api/weather/rain/{AreaId}", new { lat = centre.Lat, lon = centre.Lon, radiusKm, mmPerHour = 4, until }, cancellationToken);
            await log.WriteLineAsync($"weather: rain over {radiusKm:F1} km around {centre.Lat:F4}, {centre.Lon:F4} until {until:HH:mm:ss} ({status})");
            await time.WaitAsync(lasts, cancellationToken);
        }
    }
}
