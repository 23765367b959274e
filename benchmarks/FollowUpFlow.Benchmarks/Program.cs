using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using FollowUpFlow.Benchmarks;

// Storage request counts (default) or the decider's time and allocations (--decider). Usage:
//   FOLLOWUPFLOW_BENCH_STORAGE=<connection string> dotnet run -c Release -- [--interviews N] [--parallelism N] [--graph]
//     (--graph: mail goes through the Graph transport to a local fake Graph instead of the file outbox)
//   dotnet run -c Release -- --decider [BenchmarkDotNet options]
//   dotnet run -c Release -- --inbound [--throughput-only] [BenchmarkDotNet options]
//   FOLLOWUPFLOW_BENCH_STORAGE=<connection string> dotnet run -c Release -- --dashboard [--interviews N] [--requests N]
const string StorageVariable = "FOLLOWUPFLOW_BENCH_STORAGE";

if (args.Contains("--inbound"))
{
    Console.WriteLine(InboundThroughput.Run(TimeSpan.FromSeconds(5)));
    if (args.Contains("--throughput-only"))
    {
        return 0;
    }

    var inboundSummary = BenchmarkRunner.Run<InboundParseBenchmarks>(InProcessConfig(), args.Where(a => a is not ("--inbound" or "--throughput-only")).ToArray());
    return inboundSummary.HasCriticalValidationErrors || inboundSummary.Reports.Any(r => !r.Success) ? 1 : 0;
}

if (args.Contains("--decider"))
{
    var summary = BenchmarkRunner.Run<DeciderBenchmarks>(InProcessConfig(), args.Where(a => a != "--decider").ToArray());
    return summary.HasCriticalValidationErrors || summary.Reports.Any(r => !r.Success) ? 1 : 0;
}

var connection = Environment.GetEnvironmentVariable(StorageVariable);
if (args.Contains("--dashboard"))
{
    if (string.IsNullOrWhiteSpace(connection))
    {
        await Console.Error.WriteLineAsync($"Set {StorageVariable} to a storage connection string (eng/bench.sh starts Azurite and sets it).");
        return 2;
    }

    Console.WriteLine(await DashboardLatency.RunAsync(connection, IntOption("--interviews", 1_000), IntOption("--requests", 200)));
    return 0;
}

var interviews = IntOption("--interviews", 10_000);
var parallelism = IntOption("--parallelism", 8);
if (interviews < 1 || parallelism < 1)
{
    await Console.Error.WriteLineAsync("--interviews and --parallelism take a whole number of at least 1.");
    return 2;
}

var connectionString = Environment.GetEnvironmentVariable(StorageVariable);
if (string.IsNullOrWhiteSpace(connectionString))
{
    await Console.Error.WriteLineAsync($"Set {StorageVariable} to a storage connection string (eng/bench.sh starts Azurite and sets it).");
    return 2;
}

Console.WriteLine("# FollowUpFlow storage request counts");
Console.WriteLine();
Console.WriteLine(FormattableString.Invariant($"{DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, .NET {Environment.Version}, {Environment.OSVersion}"));
Console.WriteLine();
var graph = args.Contains("--graph");
Console.WriteLine(graph
    ? "Mail transport: Microsoft Graph (the real GraphMailTransport and SDK, no retries) against the local fake Graph of tests/FollowUpFlow.Testing."
    : "Mail transport: file outbox (.eml files).");
Console.WriteLine();
Console.WriteLine(await HappyPathScenario.RunAsync(connectionString, graph));
Console.WriteLine(await IdleTickScenario.RunAsync(connectionString, interviews, parallelism, graph));
return 0;

int IntOption(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}

// In-process: no child project to build, so the repository's build settings never meet generated code.
static ManualConfig InProcessConfig() => ManualConfig.Create(DefaultConfig.Instance)
    .AddJob(Job.Default.WithToolchain(InProcessEmitToolchain.Instance))
    .WithArtifactsPath(Path.Combine(Path.GetTempPath(), "followupflow-bench", "BenchmarkDotNet.Artifacts"));
