namespace Tandem.Tests.Infrastructure;

/// <summary>The repository the tests were built from.</summary>
public static class Repository
{
    /// <summary>The folder holding Tandem.slnx, found above the test output.</summary>
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Tandem.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("Tandem.slnx not found above the test output.");
    }
}
