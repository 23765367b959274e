namespace FollowUpFlow.Mail.Tests.Support;

/// <summary>A fresh folder per test, removed afterwards.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "followupflow-mail-tests", Guid.NewGuid().ToString("N"));
    }

    /// <summary>Not created yet: the transport must create it.</summary>
    public string Path { get; }

    public string[] AllFiles() =>
        Directory.Exists(Path) ? Directory.GetFiles(Path, "*", SearchOption.AllDirectories) : [];

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
