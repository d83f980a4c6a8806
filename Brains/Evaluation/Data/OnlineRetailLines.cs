using System.Globalization;
using System.IO.Compression;

namespace Tandem.Brains.Evaluation.Data;

/// <summary>One invoice line of UCI Online Retail: a sale (quantity above zero) or a return (below zero, invoice starting with C).</summary>
public sealed record RetailLine(string Invoice, string Item, int Quantity, DateTime At, decimal UnitPrice, string? Customer, string Country)
{
    public bool IsReturn => Quantity < 0;

    /// <summary>The product group: the stock code's first three digits (neighbouring codes are related goods).</summary>
    public string Group => Item[..3];
}

/// <summary>
/// Reads UCI Online Retail invoices (<c>transactions/*.csv.gz</c>, the original columns) as sale and return lines of
/// products (stock codes of five digits and an optional letter suffix; postage, fees, discounts and manual corrections
/// are not products). A sale: an invoice not starting with C or A, quantity and price above zero. A return: an invoice
/// starting with C and a quantity below zero. Bad-debt adjustments (A) and stock write-offs (price zero) are neither.
/// </summary>
public static class OnlineRetailLines
{
    public static IReadOnlyList<RetailLine> Read(string folder)
    {
        var directory = Path.Combine(folder, "transactions");
        var files = Directory.Exists(directory) ? Directory.GetFiles(directory, "*.csv.gz").Order(StringComparer.Ordinal).ToList() : [];
        if (files.Count == 0)
        {
            throw new InvalidDataException($"No transactions/*.csv.gz under {folder}.");
        }

        var lines = new List<RetailLine>();
        foreach (var file in files)
        {
            using var reader = new StreamReader(new GZipStream(File.OpenRead(file), CompressionMode.Decompress));
            var header = Csv.Split(reader.ReadLine() ?? throw new InvalidDataException($"{file} is empty."));
            int Column(string name) => header.IndexOf(name) is var i and >= 0 ? i : throw new InvalidDataException($"{file} has no column {name}.");
            var (invoice, code, quantity, date, price, customer, country) =
                (Column("InvoiceNo"), Column("StockCode"), Column("Quantity"), Column("InvoiceDate"), Column("UnitPrice"), Column("CustomerID"), Column("Country"));
            var row = 1;
            while (reader.ReadLine() is { } text)
            {
                row++;
                var cells = Csv.Split(text);
                if (cells.Count != header.Count)
                {
                    throw new InvalidDataException($"{file}:{row}: expected {header.Count} cells, got {cells.Count}.");
                }

                var cancelled = cells[invoice].StartsWith('C');
                if (cells[invoice].StartsWith('A') || !RetailStockCodes.IsProduct(cells[code])
                    || !int.TryParse(cells[quantity], NumberStyles.Integer, CultureInfo.InvariantCulture, out var units) || units == 0
                    || !decimal.TryParse(cells[price], NumberStyles.Number, CultureInfo.InvariantCulture, out var unitPrice) || unitPrice <= 0
                    || cancelled != units < 0)
                {
                    continue;
                }

                var at = DateTime.ParseExact(cells[date], "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
                var who = double.TryParse(cells[customer], NumberStyles.Float, CultureInfo.InvariantCulture, out var id)
                    ? id.ToString("0", CultureInfo.InvariantCulture)
                    : null;
                lines.Add(new RetailLine(cells[invoice], cells[code].ToUpperInvariant(), units, at, unitPrice, who, cells[country]));
            }
        }

        return [.. lines.OrderBy(l => l.At).ThenBy(l => l.Invoice, StringComparer.Ordinal)];
    }
}
