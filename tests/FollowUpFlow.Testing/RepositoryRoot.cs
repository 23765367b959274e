namespace FollowUpFlow.Testing;

/// <summary>Finds the repository root: the nearest folder upwards holding FollowUpFlow.sln.</summary>
public static class RepositoryRoot
{
    public const string SolutionFile = "FollowUpFlow.sln";

    public static string Find(string? startDirectory = null)
    {
        for (var dir = new DirectoryInfo(startDirectory ?? AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"No {SolutionFile} found above {startDirectory ?? AppContext.BaseDirectory}.");
    }
}
