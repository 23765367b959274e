using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;

namespace FollowUpFlow.Testing;

/// <summary>
/// One Azurite server on loopback ports chosen at run time, in memory, killed with its process tree on dispose.
/// </summary>
public sealed class AzuriteProcess : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output;
    private readonly string _workspace;
    private int _disposed;

    private AzuriteProcess(Process process, ConcurrentQueue<string> output, string workspace, int blobPort, int queuePort, int tablePort)
    {
        _process = process;
        _output = output;
        _workspace = workspace;
        BlobPort = blobPort;
        QueuePort = queuePort;
        TablePort = tablePort;

        // Belt and braces: a test host that exits without disposing fixtures must not leave Azurite running.
        AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
    }

    public int BlobPort { get; }

    public int QueuePort { get; }

    public int TablePort { get; }

    public int ProcessId => _process.Id;

    /// <summary>The well-known development account on this server's ports.</summary>
    public string ConnectionString =>
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
        "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/devstoreaccount1;" +
        $"QueueEndpoint=http://127.0.0.1:{QueuePort}/devstoreaccount1;" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/devstoreaccount1;";

    public static async Task<AzuriteProcess> StartAsync(CancellationToken cancellationToken = default)
    {
        var repoRoot = RepositoryRoot.Find();
        var exe = await AzuriteInstall.EnsureAsync(repoRoot, cancellationToken).ConfigureAwait(false);

        // A port picked free can be taken before Azurite binds it; a fresh set of ports fixes that.
        Exception? last = null;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            try
            {
                return await StartOnceAsync(exe, cancellationToken).ConfigureAwait(false);
            }
            catch (AzuriteStartException ex) when (ex.PortTaken)
            {
                last = ex;
            }
        }

        throw last!;
    }

    private static async Task<AzuriteProcess> StartOnceAsync(string exe, CancellationToken cancellationToken)
    {
        var ports = FreePorts.Take(3);
        var workspace = Directory.CreateTempSubdirectory("followupflow-azurite-").FullName;
        var psi = new ProcessStartInfo(exe)
        {
            WorkingDirectory = workspace,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "--silent", "--inMemoryPersistence", "--skipApiVersionCheck", "--loose", "--disableTelemetry" })
        {
            psi.ArgumentList.Add(arg);
        }

        foreach (var (service, port) in new[] { ("blob", ports[0]), ("queue", ports[1]), ("table", ports[2]) })
        {
            psi.ArgumentList.Add($"--{service}Host");
            psi.ArgumentList.Add("127.0.0.1");
            psi.ArgumentList.Add($"--{service}Port");
            psi.ArgumentList.Add(port.ToString(CultureInfo.InvariantCulture));
        }

        var output = new ConcurrentQueue<string>();
        var process = new Process { StartInfo = psi, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Keep(output, e.Data);
        process.ErrorDataReceived += (_, e) => Keep(output, e.Data);
        if (!process.Start())
        {
            throw new AzuriteStartException($"Could not start {exe}.", portTaken: false);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var azurite = new AzuriteProcess(process, output, workspace, ports[0], ports[1], ports[2]);
        try
        {
            await azurite.WaitUntilListeningAsync(cancellationToken).ConfigureAwait(false);
            return azurite;
        }
        catch
        {
            azurite.Dispose();
            throw;
        }
    }

    private async Task WaitUntilListeningAsync(CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_process.HasExited)
            {
                var output = Output();
                throw new AzuriteStartException($"Azurite exited with code {_process.ExitCode} before listening.\n{output}",
                    portTaken: output.Contains("EADDRINUSE", StringComparison.Ordinal));
            }

            if (await FreePorts.AcceptsConnectionsAsync(TablePort, cancellationToken).ConfigureAwait(false)
                && await FreePorts.AcceptsConnectionsAsync(QueuePort, cancellationToken).ConfigureAwait(false))
            {
                return;
            }

            if (deadline.Elapsed > StartTimeout)
            {
                throw new AzuriteStartException(
                    $"Azurite did not accept connections on 127.0.0.1:{TablePort} (table) and :{QueuePort} (queue) within {StartTimeout.TotalSeconds:0} s.\n{Output()}",
                    portTaken: false);
            }

            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The last lines Azurite printed, for error messages.</summary>
    public string Output() => string.Join('\n', _output);

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        AppDomain.CurrentDomain.ProcessExit -= OnProcessExit;
        Kill();
        _process.Dispose();
        try
        {
            Directory.Delete(_workspace, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; never fail a test run over it.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private void OnProcessExit(object? sender, EventArgs e) => Kill();

    private void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(TimeSpan.FromSeconds(10));
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    private static void Keep(ConcurrentQueue<string> output, string? line)
    {
        if (line is null)
        {
            return;
        }

        output.Enqueue(line);
        while (output.Count > 50 && output.TryDequeue(out _))
        {
        }
    }
}
