namespace FollowUpFlow.Benchmarks;

/// <summary>The benchmark's sample message, copied beside the program from Data/.</summary>
internal static class InboundSample
{
    public static byte[] Load() => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Data", "confirmation-30k.eml"));
}
