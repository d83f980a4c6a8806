namespace Tandem.Tests.Infrastructure;

/// <summary>
/// The public data sets beside the repository (<c>../shared/data</c>). A clone without them skips the tests that read
/// them, with the reason; CI always has them, so there a missing folder fails.
/// </summary>
public static class SharedData
{
    /// <summary>The folder of one data set, e.g. <c>yoochoose_rsc15_100k</c>.</summary>
    public static string Folder(string name)
    {
        var folder = Path.GetFullPath(Path.Combine(Repository.Root, "..", "shared", "data", name));
        if (!Directory.Exists(folder))
        {
            if (Environment.GetEnvironmentVariable("CI") == "true")
            {
                throw new InvalidOperationException($"CI must provide the data set {folder}.");
            }

            Assert.Skip($"The data set {folder} is not here (it sits beside the repository on the project's machines).");
        }

        return folder;
    }
}
