using System.Globalization;
using FollowUpFlow.Inbound.Forwards;

namespace FollowUpFlow.Inbound.Tests.Forwards;

/// <summary>Attached originals, forwards of forwards, and replies that are not forwards at all.</summary>
public sealed class ForwardChainTests
{
    private const string AttachedOriginal = """
        From: Alex Morgan <alex.morgan@example.com>
        To: track@in.followupflow.example
        Subject: Fwd: Interview invitation
        Date: Mon, 07 Dec 2026 09:00:00 -0500
        Message-ID: <outer@example.com>
        MIME-Version: 1.0
        Content-Type: multipart/mixed; boundary="b1"

        --b1
        Content-Type: text/plain; charset=utf-8

        See the attached invitation.

        --b1
        Content-Type: message/rfc822

        From: Sam Lee <sam.lee@contoso.com>
        To: Alex Morgan <alex.morgan@example.com>
        Subject: Interview invitation
        Date: Fri, 04 Dec 2026 15:12:00 -0800
        Message-ID: <original@contoso.com>
        In-Reply-To: <earlier@contoso.com>
        Content-Type: text/plain; charset=utf-8

        Hi Alex, we would like to invite you to an onsite interview.

        --b1--
        """;

    private static readonly string ThreeLayers = Unwrapping.FromCandidate("Fwd: Fwd: Interview details", """
        Forwarding what the agency sent me.

        ---------- Forwarded message ---------
        From: Tom Baxter <tom.baxter@northgatetalent.com>
        Date: Fri, Dec 4, 2026 at 5:00 PM EST
        Subject: Fwd: Interview details
        To: Alex Morgan <alex.morgan@example.com>


        Alex, see below from the client.

        -----Original Message-----
        From: Jane Doe <jane.doe@northwind.com>
        Sent: Friday, December 4, 2026 3:00 PM EST
        To: Tom Baxter <tom.baxter@northgatetalent.com>
        Subject: Interview details

        Tom, the interview with Alex is set for Tuesday at 10am.
        """);

    [Fact]
    public void Attached_original_is_a_layer_of_its_own()
    {
        var layers = Unwrapping.Layers(AttachedOriginal);

        Assert.Equal([ForwardStyle.None, ForwardStyle.Attached], layers.Select(l => l.Style));
        Assert.Contains("See the attached invitation.", layers[0].Body, StringComparison.Ordinal);
        Assert.DoesNotContain("onsite interview", layers[0].Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Attached_original_keeps_its_own_headers()
    {
        var original = Unwrapping.Layers(AttachedOriginal)[^1];

        Assert.Equal(new("Sam Lee", "sam.lee@contoso.com"), original.From);
        Assert.Equal("Interview invitation", original.Subject);
        Assert.Equal(new DateTimeOffset(2026, 12, 4, 23, 12, 0, TimeSpan.Zero), original.Date);
        Assert.Equal("original@contoso.com", original.MessageId);
        Assert.Equal(["earlier@contoso.com"], original.ThreadIds.ToArray());
        Assert.Contains("we would like to invite you to an onsite interview", original.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Forward_of_a_forward_has_three_layers_outermost_first()
    {
        var layers = Unwrapping.Layers(ThreeLayers);

        Assert.Equal([ForwardStyle.None, ForwardStyle.Inline, ForwardStyle.Inline], layers.Select(l => l.Style));
        Assert.Equal(["alex.morgan@example.com", "tom.baxter@northgatetalent.com", "jane.doe@northwind.com"], layers.Select(l => l.From?.Address));
        Assert.Equal(["Alex Morgan", "Tom Baxter", "Jane Doe"], layers.Select(l => l.From?.Name));
        Assert.Equal(["Fwd: Fwd: Interview details", "Fwd: Interview details", "Interview details"], layers.Select(l => l.Subject));
    }

    [Fact]
    public void Forward_of_a_forward_keeps_each_senders_own_words_in_their_layer()
    {
        var layers = Unwrapping.Layers(ThreeLayers);

        Assert.Contains("Forwarding what the agency sent me.", layers[0].Body, StringComparison.Ordinal);
        Assert.Contains("see below from the client", layers[1].Body, StringComparison.Ordinal);
        Assert.DoesNotContain("set for Tuesday", layers[1].Body, StringComparison.Ordinal);
        Assert.Contains("set for Tuesday at 10am", layers[2].Body, StringComparison.Ordinal);
        Assert.DoesNotContain("see below from the client", layers[2].Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Forward_of_a_forward_reads_each_blocks_date()
    {
        var layers = Unwrapping.Layers(ThreeLayers);

        Assert.Equal(DateTimeOffset.Parse("2026-12-04T17:00:00-05:00", CultureInfo.InvariantCulture), layers[1].Date);
        Assert.Equal(DateTimeOffset.Parse("2026-12-04T15:00:00-05:00", CultureInfo.InvariantCulture), layers[2].Date);
    }

    [Fact]
    public void Inner_block_without_a_marker_is_unwrapped_when_the_middle_subject_says_forwarded()
    {
        var layers = Unwrapping.Layers(Unwrapping.FromCandidate("Fwd: Fwd: Onsite", """
            FYI

            ---------- Forwarded message ---------
            From: Tom Baxter <tom.baxter@northgatetalent.com>
            Date: Fri, 4 Dec 2026 17:00:00 -0500
            Subject: Fwd: Onsite
            To: Alex Morgan <alex.morgan@example.com>

            From the client:

            From: Jane Doe <jane.doe@northwind.com>
            Date: Fri, 4 Dec 2026 15:00:00 -0500
            Subject: Onsite

            Onsite is confirmed.
            """));

        Assert.Equal(3, layers.Length);
        Assert.Equal("jane.doe@northwind.com", layers[2].From?.Address);
        Assert.Contains("Onsite is confirmed.", layers[2].Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Candidates_own_message_without_a_prefix_is_still_unwrapped()
    {
        var layers = Unwrapping.Layers(Unwrapping.FromCandidate("Interview confirmation", """
            From: Priya Natarajan <priya.natarajan@contoso.com>
            Date: Fri, 4 Dec 2026 15:12:00 -0500
            Subject: Interview confirmation

            Your interview is confirmed.
            """));

        Assert.Equal(2, layers.Length);
        Assert.Equal("priya.natarajan@contoso.com", layers[1].From?.Address);
        Assert.True(string.IsNullOrWhiteSpace(layers[0].Body));
    }

    [Fact]
    public void A_forwarded_reply_keeps_its_history_apart_in_the_original()
    {
        var original = Unwrapping.Layers(Unwrapping.FromCandidate("Fwd: Re: Interview time", """
            ---------- Forwarded message ---------
            From: Sam Lee <sam.lee@contoso.com>
            Date: Sat, 5 Dec 2026 10:00:00 -0800
            Subject: Re: Interview time
            To: Alex Morgan <alex.morgan@example.com>


            Tuesday at 2pm works, see you then.

            On Fri, Dec 4, 2026 at 3:12 PM Alex Morgan <alex.morgan@example.com> wrote:
            > Could we meet on Tuesday instead?
            """))[^1];

        Assert.Equal("sam.lee@contoso.com", original.From?.Address);
        Assert.Contains("Tuesday at 2pm works", original.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Could we meet", original.Body, StringComparison.Ordinal);
        Assert.Contains("> Could we meet on Tuesday instead?", original.Quoted, StringComparison.Ordinal);
    }

    [Fact]
    public void Reply_with_quoted_history_is_one_layer_with_the_history_apart()
    {
        var layers = Unwrapping.Layers("""
            From: Sam Lee <sam.lee@contoso.com>
            To: Alex Morgan <alex.morgan@example.com>
            Subject: Re: Interview time
            Date: Sat, 05 Dec 2026 10:00:00 -0800
            In-Reply-To: <a1@example.com>
            References: <a0@contoso.com> <a1@example.com>
            Content-Type: text/plain; charset=utf-8

            Tuesday at 2pm works, see you then.

            On Fri, Dec 4, 2026 at 3:12 PM Alex Morgan <alex.morgan@example.com> wrote:
            > Could we meet on Tuesday instead?
            >
            > Alex
            """);

        var only = Assert.Single(layers);
        Assert.Equal(ForwardStyle.None, only.Style);
        Assert.Equal("sam.lee@contoso.com", only.From?.Address);
        Assert.Contains("Tuesday at 2pm works", only.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Could we meet", only.Body, StringComparison.Ordinal);
        Assert.StartsWith("On Fri, Dec 4, 2026", only.Quoted, StringComparison.Ordinal);
        Assert.Contains("> Could we meet on Tuesday instead?", only.Quoted, StringComparison.Ordinal);
        Assert.Equal(["a1@example.com", "a0@contoso.com"], only.ThreadIds.ToArray());
    }

    [Fact]
    public void Outlook_reply_header_in_a_reply_stays_quoted()
    {
        var layers = Unwrapping.Layers(OutlookReply(separator: ""));

        var only = Assert.Single(layers);
        Assert.Equal("sam.lee@contoso.com", only.From?.Address);
        Assert.Contains("Tuesday works for us.", only.Body, StringComparison.Ordinal);
        Assert.StartsWith("From: Alex Morgan", only.Quoted, StringComparison.Ordinal);
        Assert.Contains("Could we meet on Tuesday instead?", only.Quoted, StringComparison.Ordinal);
    }

    [Fact]
    public void Outlook_reply_header_under_its_separator_line_stays_quoted()
    {
        var layers = Unwrapping.Layers(OutlookReply(separator: "________________________________\n"));

        var only = Assert.Single(layers);
        Assert.Contains("Tuesday works for us.", only.Body, StringComparison.Ordinal);
        Assert.Contains("Could we meet on Tuesday instead?", only.Quoted, StringComparison.Ordinal);
    }

    [Fact]
    public void Deep_chains_stop_at_eight_layers()
    {
        var body = "Start.";
        for (var i = 0; i < 12; i++)
        {
            body = $"Note {i}.\n\n---------- Forwarded message ---------\nFrom: Sender {i} <s{i}@contoso.com>\nDate: Fri, 4 Dec 2026 15:12:00 -0500\nSubject: Fwd: x\n\n{body}";
        }

        var layers = Unwrapping.Layers(Unwrapping.FromCandidate("Fwd: x", body));

        Assert.Equal(8, layers.Length);
        Assert.Equal("s11@contoso.com", layers[1].From?.Address);
    }

    private static string OutlookReply(string separator) => $"""
        From: Sam Lee <sam.lee@contoso.com>
        To: Alex Morgan <alex.morgan@example.com>
        Subject: RE: Interview time
        Date: Sat, 05 Dec 2026 10:00:00 -0800
        Content-Type: text/plain; charset=utf-8

        Tuesday works for us.

        {separator}From: Alex Morgan <alex.morgan@example.com>
        Sent: Friday, December 4, 2026 3:12 PM
        To: Sam Lee <sam.lee@contoso.com>
        Subject: Interview time

        Could we meet on Tuesday instead?
        """;
}
