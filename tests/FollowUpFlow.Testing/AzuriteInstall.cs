using System.Diagnostics;
using System.Security.Cryptography;

namespace FollowUpFlow.Testing;

/// <summary>
/// The repository's pinned Azurite (eng/tools), installed with `npm ci` when the install stamp of the current lock
/// file is missing: the same stamp eng/common.sh writes, so the scripts and the tests never install twice.
/// </summary>
internal static class AzuriteInstall
{
    public static string ExecutablePath(string repoRoot) =>
        Path.Combine(repoRoot, "eng", "tools", "node_modules", ".bin", OperatingSystem.IsWindows() ? "azurite.cmd" : "azurite");

    public static async Task<string> EnsureAsync(string repoRoot, CancellationToken cancellationToken)
    {
        var exe = ExecutablePath(repoRoot);
        var stamp = StampPath(repoRoot);
        if (File.Exists(stamp) && File.Exists(exe))
        {
            return exe;
        }

        // Several test assemblies may start at once: one installs, the others wait on the lock file.
        var lockPath = Path.Combine(repoRoot, "eng", "tools", ".npm-ci.lock");
        using var gate = await AcquireAsync(lockPath, cancellationToken).ConfigureAwait(false);
        if (File.Exists(stamp) && File.Exists(exe))
        {
            return exe;
        }

        var psi = new ProcessStartInfo(OperatingSystem.IsWindows() ? "npm.cmd" : "npm")
        {
            WorkingDirectory = repoRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.ArgumentList.Add("ci");
        psi.ArgumentList.Add("--prefix");
        psi.ArgumentList.Add(Path.Combine("eng", "tools"));
        psi.ArgumentList.Add("--no-audit");
        psi.ArgumentList.Add("--no-fund");
        psi.ArgumentList.Add("--prefer-offline");
        psi.ArgumentList.Add("--ignore-scripts");

        using var npm = Process.Start(psi) ?? throw new InvalidOperationException("Could not start npm to install Azurite.");
        var stdout = npm.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = npm.StandardError.ReadToEndAsync(cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(10));
        await npm.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        if (npm.ExitCode != 0 || !File.Exists(exe))
        {
            throw new InvalidOperationException(
                $"`npm ci --prefix eng/tools` failed (exit {npm.ExitCode}); Azurite is needed for storage tests, " +
                $"or set FOLLOWUPFLOW_TEST_STORAGE to a storage connection string.\n{await stdout.ConfigureAwait(false)}\n{await stderr.ConfigureAwait(false)}");
        }

        await File.WriteAllTextAsync(stamp, string.Empty, cancellationToken).ConfigureAwait(false);
        return exe;
    }

    /// <summary>node_modules/.installed-{sha256 of package-lock.json}, as eng/common.sh names it.</summary>
    private static string StampPath(string repoRoot)
    {
        var tools = Path.Combine(repoRoot, "eng", "tools");
        var hash = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(tools, "package-lock.json"))));
        return Path.Combine(tools, "node_modules", ".installed-" + hash);
    }

    private static async Task<FileStream> AcquireAsync(string path, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(11);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(500, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
