using FollowUpFlow.Testing;
using FollowUpFlow.Workflow.Approvals;

namespace FollowUpFlow.Workflow.Tests.Approvals;

/// <summary>Fixed keys and a clock for signer tests; distinct keys so a rotation is a real change of key.</summary>
internal static class TestKeys
{
    public static readonly DateTimeOffset Start = new(2026, 12, 8, 12, 0, 0, TimeSpan.Zero);

    public static readonly byte[] Current = Key(1);
    public static readonly byte[] Previous = Key(2);
    public static readonly byte[] Unrelated = Key(3);

    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(48);

    public static byte[] Key(byte seed) => [.. Enumerable.Range(0, 32).Select(i => (byte)((i * 31) + (seed * 97)))];

    public static ApprovalLinkSigner Signer(TimeProvider time, params byte[][] keys) =>
        new(keys.Length == 0 ? [Current] : keys, Lifetime, time);

    public static ManualTimeProvider Clock() => new(Start);
}
