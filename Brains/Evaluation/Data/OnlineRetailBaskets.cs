using System.Globalization;
using System.IO.Compression;

namespace Tandem.Brains.Evaluation.Data;

/// <summary>
/// Reads UCI Online Retail invoices (<c>transactions/*.csv.gz</c>, the original columns) as baskets: sales only (no
/// invoice starting with C or A, quantity and price above zero), products only (stock codes of five digits and an
/// optional letter suffix; postage, fees and discounts are not products), each invoice's distinct items in row order.
/// </summary>
public static class OnlineRetailBaskets
{
    public static IReadOnlyList<Basket> Read(string folder)
    {
        var files = Directory.GetFiles(Path.Combine(folder, "transactions"), "*.csv.gz").Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
        {
            throw new InvalidDataException($"No transactions/*.csv.gz under {folder}.");
        }

        var invoices = new Dictionary<string, (DateTimeOffset At, List<string> Items)>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            using var reader = new StreamReader(new GZipStream(File.OpenRead(file), CompressionMode.Decompress));
            var header = Csv.Split(reader.ReadLine() ?? throw new InvalidDataException($"{file} is empty."));
            int Column(string name) => header.IndexOf(name) is var i and >= 0 ? i : throw new InvalidDataException($"{file} has no column {name}.");
            var (invoice, code, quantity, date, price) = (Column("InvoiceNo"), Column("StockCode"), Column("Quantity"), Column("InvoiceDate"), Column("UnitPrice"));
            var line = 1;
            while (reader.ReadLine() is { } row)
            {
                line++;
                var cells = Csv.Split(row);
                if (cells.Count != header.Count)
                {
                    throw new InvalidDataException($"{file}:{line}: expected {header.Count} cells, got {cells.Count}.");
                }

                if (cells[invoice].StartsWith('C') || cells[invoice].StartsWith('A') || !RetailStockCodes.IsProduct(cells[code])
                    || !int.TryParse(cells[quantity], NumberStyles.Integer, CultureInfo.InvariantCulture, out var units) || units <= 0
                    || !decimal.TryParse(cells[price], NumberStyles.Number, CultureInfo.InvariantCulture, out var unitPrice) || unitPrice <= 0)
                {
                    continue;
                }

                if (!invoices.TryGetValue(cells[invoice], out var basket))
                {
                    var at = DateTime.ParseExact(cells[date], "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
                    invoices[cells[invoice]] = basket = (new DateTimeOffset(at, TimeSpan.Zero), []);
                }

                var item = cells[code].ToUpperInvariant();
                if (!basket.Items.Contains(item))
                {
                    basket.Items.Add(item);
                }
            }
        }

        return [.. invoices
            .Select(p => new Basket(p.Key, p.Value.At, p.Value.Items))
            .OrderBy(b => b.At)
            .ThenBy(b => b.Id, StringComparer.Ordinal)];
    }
}
