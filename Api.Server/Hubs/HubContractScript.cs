using System.Reflection;
using System.Text;
using System.Text.Json;

using Tandem.Contracts.Hubs;

namespace Tandem.Api.Hubs;

/// <summary>
/// Renders <see cref="HubContract"/>'s routes, methods and events, and the control room feed's kinds, as a TypeScript
/// module, so the web clients import the names the server uses instead of retyping them. The build runs it
/// (<c>dotnet Tandem.Api.dll hub-contract &lt;file&gt;</c>) before bundling the clients.
/// </summary>
public static class HubContractScript
{
    public const string Command = "hub-contract";

    public static string Render()
    {
        var script = new StringBuilder()
            .AppendLine("// Generated from Contracts/Hubs/HubContract.cs and the events' OpsKind by the build. Do not edit.");
        foreach (var section in new[] { typeof(HubContract.Routes), typeof(HubContract.Methods), typeof(HubContract.Events) })
        {
            script.AppendLine().Append("export const ").Append(section.Name).AppendLine(" = {");
            foreach (var field in section.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral))
            {
                script.Append("  ").Append(field.Name).Append(": ").Append(JsonSerializer.Serialize((string)field.GetRawConstantValue()!)).AppendLine(",");
            }

            script.AppendLine("} as const;");
        }

        // The control room feed's kinds, each declared beside its event (OpsKind), named by the event.
        script.AppendLine().AppendLine("export const OpsKinds = {");
        foreach (var type in typeof(HubContract).Assembly.GetExportedTypes().OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            if (type.GetField("OpsKind", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true } kind)
            {
                script.Append("  ").Append(type.Name).Append(": ").Append(JsonSerializer.Serialize((string)kind.GetRawConstantValue()!)).AppendLine(",");
            }
        }

        script.AppendLine("} as const;");
        return script.ToString();
    }

    /// <summary>Writes the module to <paramref name="path"/> unless it already says exactly that (so the bundle stays up to date).</summary>
    public static void Write(string path)
    {
        var text = Render();
        if (!File.Exists(path) || File.ReadAllText(path) != text)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            File.WriteAllText(path, text);
        }
    }
}
