using BenchmarkDotNet.Attributes;
using FollowUpFlow.Inbound;

namespace FollowUpFlow.Benchmarks;

/// <summary>Parse and understand one 30 KB forwarded confirmation (text, HTML, calendar part, PDF attachment).</summary>
[MemoryDiagnoser]
public class InboundParseBenchmarks
{
    private static readonly ParseOptions Options = new() { CandidateAddresses = ["alex.morgan@example.com"], CandidateTimeZone = "America/New_York" };
    private byte[] message = [];

    [GlobalSetup]
    public void Setup() => message = InboundSample.Load();

    [Benchmark]
    public ParsedEmail ParseAndUnderstand() => InboundParser.Parse(message, Options);

    [Benchmark]
    public object MimeOnly() => FollowUpFlow.Inbound.Mime.MimeReader.Parse(message);
}
