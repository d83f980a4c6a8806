namespace Tandem.Tests.Infrastructure;

/// <summary>
/// The public data sets beside the repository (<c>../shared/data</c>, or the folder <c>TANDEM_SHARED_DATA</c> names). A
/// clone without them skips the tests that read them, with the reason.
/// </summary>
public static class SharedData
{
    public const string Variable = "TANDEM_SHARED_DATA";

    /// <summary>The folder of one data set, e.g. <c>yoochoose_rsc15_100k</c>.</summary>
    public static string Folder(string name)
    {
        var root = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } named ? named : Path.Combine(Repository.Root, "..", "shared", "data");
        var folder = Path.GetFullPath(Path.Combine(root, name));
        if (!Directory.Exists(folder))
        {
            Assert.Skip($"The data set {folder} is not here: it sits beside the repository on the project's machines (or set {Variable} to the data folder).");
        }

        return folder;
    }
}
