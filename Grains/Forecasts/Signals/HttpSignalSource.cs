using System.Globalization;

namespace Tandem.Grains.Forecasts.Signals;

/// <summary>Signals from an HTTP(S) service answering <c>GET {url}?from=yyyy-MM-dd&amp;to=yyyy-MM-dd</c> with <see cref="SignalCsv"/>.</summary>
public sealed class HttpSignalSource(HttpClient http, Uri url) : IDemandSignalSource
{
    public string Name => "http:" + url;

    public async Task<IReadOnlyList<SignalReading>> ReadAsync(DateOnly first, DateOnly last, CancellationToken cancellationToken)
    {
        var separator = string.IsNullOrEmpty(url.Query) ? "?" : "&";
        var ask = new Uri(string.Create(CultureInfo.InvariantCulture, $"{url}{separator}from={first:yyyy-MM-dd}&to={last:yyyy-MM-dd}"));
        using var response = await http.GetAsync(ask, cancellationToken);
        response.EnsureSuccessStatusCode();
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        return SignalCsv.Parse(new StringReader(text), first, last).Readings;
    }
}
