using System.Globalization;

using Tandem.Brains.Routing;

namespace Tandem.Brains.Evaluation.Data;

/// <summary>
/// Reads the routing benchmarks' instance files: Solomon in VRPLIB form (<c>*.vrp</c>, DIMACS distances),
/// Gehring–Homberger in Solomon's text form (a <c>CUSTOMER</c> table) and Li &amp; Lim pickup-and-delivery
/// (<c>K Q S</c>, then <c>id x y demand ready due service pickup delivery</c>); both of those at full precision.
/// </summary>
public static class RoutingInstances
{
    public static RoutingProblem Vrplib(string path)
    {
        var lines = File.ReadAllLines(path).Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        string Header(string key) => lines.First(l => l.StartsWith(key, StringComparison.Ordinal)).Split(':')[1].Trim();
        var dimension = int.Parse(Header("DIMENSION"), CultureInfo.InvariantCulture);
        var service = double.Parse(Header("SERVICE_TIME"), CultureInfo.InvariantCulture);
        double[][] Section(string name, int columns) =>
            [.. lines.SkipWhile(l => !l.StartsWith(name, StringComparison.Ordinal)).Skip(1).Take(dimension)
                .Select(l => l.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Take(columns).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray())];
        var coordinates = Section("NODE_COORD_SECTION", 3);
        var demands = Section("DEMAND_SECTION", 2);
        var windows = Section("TIME_WINDOW_SECTION", 3);
        var stops = Enumerable.Range(0, dimension).Select(i => new RouteStop(
            i, coordinates[i][1], coordinates[i][2], (int)demands[i][1], windows[i][1], windows[i][2], i == 0 ? 0 : service)).ToList();
        return new RoutingProblem(Header("NAME"), stops, int.Parse(Header("VEHICLES"), CultureInfo.InvariantCulture), int.Parse(Header("CAPACITY"), CultureInfo.InvariantCulture), Dimacs: true);
    }

    public static RoutingProblem SolomonText(string path)
    {
        var lines = File.ReadAllLines(path).Select(l => l.Trim()).ToList();
        var fleet = Numbers(lines[lines.FindIndex(l => l.StartsWith("NUMBER", StringComparison.Ordinal)) + 1]);
        var stops = lines.Skip(lines.FindIndex(l => l.StartsWith("CUST NO.", StringComparison.Ordinal)) + 1)
            .Where(l => l.Length > 0)
            .Select(Numbers)
            .Select(v => new RouteStop((int)v[0], v[1], v[2], (int)v[3], v[4], v[5], v[6]))
            .ToList();
        return new RoutingProblem(lines[0], stops, (int)fleet[0], (int)fleet[1], Dimacs: false);
    }

    public static RoutingProblem LiLim(string path)
    {
        var lines = File.ReadAllLines(path).Where(l => l.Trim().Length > 0).Select(Numbers).ToList();
        var stops = lines.Skip(1).Select(v => new RouteStop(
            (int)v[0], v[1], v[2], (int)v[3], v[4], v[5], v[6],
            Pickup: v[3] < 0 ? (int)v[7] : null,
            Delivery: v[3] > 0 ? (int)v[8] : null)).ToList();
        return new RoutingProblem(Path.GetFileNameWithoutExtension(path), stops, (int)lines[0][0], (int)lines[0][1], Dimacs: false);
    }

    private static double[] Numbers(string line) =>
        [.. line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(v => double.Parse(v, CultureInfo.InvariantCulture))];
}
