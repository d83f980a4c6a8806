using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace Tandem.Hosting.Database;

/// <summary>One numbered SQL file from <c>deploy/postgres/</c>, e.g. <c>0002_orleans_membership.sql</c>.</summary>
public sealed record Migration(int Number, string Name, string Sql)
{
    public string Checksum { get; } = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Sql)));

    /// <summary>The migrations embedded in this assembly, in order. Numbers must be unique.</summary>
    public static IReadOnlyList<Migration> Embedded()
    {
        var assembly = typeof(Migration).Assembly;
        var migrations = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("migrations/", StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => Load(assembly, n))
            .OrderBy(m => m.Number)
            .ToList();
        var duplicate = migrations.GroupBy(m => m.Number).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null
            ? migrations
            : throw new InvalidOperationException($"Two migrations are numbered {duplicate.Key}.");
    }

    private static Migration Load(Assembly assembly, string resource)
    {
        var name = resource["migrations/".Length..^".sql".Length];
        var number = int.Parse(name.AsSpan(0, name.IndexOf('_', StringComparison.Ordinal)), CultureInfo.InvariantCulture);
        using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
        return new Migration(number, name, reader.ReadToEnd());
    }
}
