using System.Collections.Immutable;
using FollowUpFlow.Inbound.Forwards;
using FollowUpFlow.Inbound.Tests.Mime;

namespace FollowUpFlow.Inbound.Tests.Forwards;

/// <summary>Unwraps a message written inline, as the candidate Alex Morgan would forward it.</summary>
internal static class Unwrapping
{
    public const string Candidate = "alex.morgan@example.com";

    public const string NewYork = "America/New_York";

    public static ImmutableArray<ForwardedLayer> Layers(string raw, string defaultTimeZone = NewYork) =>
        ForwardUnwrapper.Unwrap(Mail.Parse(raw), [Candidate], defaultTimeZone);

    /// <summary>A plain-text message from the candidate with the given subject and body.</summary>
    public static string FromCandidate(string subject, string body) =>
        $"""
        From: Alex Morgan <{Candidate}>
        To: track@in.followupflow.example
        Subject: {subject}
        Date: Mon, 07 Dec 2026 09:00:00 -0500
        Message-ID: <outer@example.com>
        Content-Type: text/plain; charset=utf-8

        {body}
        """;
}
