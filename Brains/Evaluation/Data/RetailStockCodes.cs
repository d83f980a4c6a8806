using System.Text.RegularExpressions;

namespace Tandem.Brains.Evaluation.Data;

/// <summary>
/// UCI Online Retail's stock codes: a product's is five digits and an optional letter suffix; postage, fees, discounts and
/// manual corrections (POST, DOT, M, D, BANK CHARGES, …) are not products.
/// </summary>
public static partial class RetailStockCodes
{
    public static bool IsProduct(string code) => Product().IsMatch(code);

    [GeneratedRegex("^[0-9]{5}[A-Za-z]{0,2}$")]
    private static partial Regex Product();
}
