using System.Globalization;
using System.Text;
using FollowUpFlow.Inbound.Mime;
using Xunit.Abstractions;

namespace FollowUpFlow.Inbound.Tests.Mime;

/// <summary>Our reading of MimeKit's public mbox files, message by message, against MimeKit's own summaries.</summary>
public sealed class MboxSummaryTests(ITestOutputHelper output)
{
    /// <summary>
    /// Where we read a message differently from MimeKit on purpose: the summary line MimeKit printed, ours, and why.
    /// Keyed by file and 1-based message number.
    /// </summary>
    private static readonly Dictionary<(string File, int Message), (string Theirs, string Ours, string Why)> Deviations = new()
    {
        [("content-length", 23)] = (
            "Date: Tue, 28 May 1996 12:24:23 +0000",
            "Date: Tue, 28 May 1996 12:24:23 -0600",
            "the header says \"12:24:23 cst\": RFC 5322 4.3 lists CST (-0600) among the obsolete zones and ABNF literals are " +
            "case-insensitive (RFC 5234 2.3); MimeKit only knows the upper-case names and falls back to +0000"),
    };

    [Theory]
    [InlineData("content-length")]
    [InlineData("issue1189")]
    public void Every_message_reads_as_MimeKit_summarises_it(string name)
    {
        var expected = MimeSummary.SplitEntries(File.ReadAllText(Corpora.Mbox(name + "-summary.txt")));
        var actual = MimeReader.ReadMbox(File.ReadAllBytes(Corpora.Mbox(name + ".mbox.txt"))).Select(MimeSummary.Format).ToList();

        var mismatches = new StringBuilder();
        var exact = 0;
        var matched = 0;
        for (var i = 0; i < Math.Max(expected.Count, actual.Count); i++)
        {
            var theirs = i < expected.Count ? expected[i] : "(no message)\n";
            var ours = i < actual.Count ? actual[i] : "(no message)\n";
            exact += theirs == ours ? 1 : 0;
            var want = Expected(name, i + 1, theirs);
            if (want == ours)
            {
                matched++;
            }
            else
            {
                mismatches.Append(CultureInfo.InvariantCulture, $"message {i + 1}:\n--- expected\n{want}--- ours\n{ours}\n");
            }
        }

        output.WriteLine($"{name}: {matched}/{expected.Count} messages match ({exact} byte for byte, the rest per the documented deviations); {actual.Count} read");
        Assert.True(mismatches.Length == 0, $"{matched}/{expected.Count} match.\n{mismatches}");
        Assert.Equal(expected.Count, actual.Count);
    }

    [Fact]
    public void A_lower_case_obsolete_zone_name_is_that_zone()
    {
        var message = MimeReader.ReadMbox(File.ReadAllBytes(Corpora.Mbox("content-length.mbox.txt"))).ElementAt(22);

        Assert.Equal("Tue, 28 May 1996 12:24:23 cst", message.Headers["Date"]);
        Assert.Equal(new DateTimeOffset(1996, 5, 28, 12, 24, 23, TimeSpan.FromHours(-6)), message.Date);
    }

    [Fact]
    public void A_media_type_written_in_capitals_reads_in_lower_case()
    {
        // RFC 2045 5.1: type and subtype are not case sensitive; MimeKit prints them as written, our model lower-cases them.
        var message = MimeReader.ReadMbox(File.ReadAllBytes(Corpora.Mbox("content-length.mbox.txt"))).ElementAt(22);

        Assert.StartsWith("Application/x-pkcs7-mime", message.Headers["Content-Type"], StringComparison.Ordinal);
        Assert.Equal("application/x-pkcs7-mime", message.Body.ContentType.MimeType);
    }

    [Fact]
    public void A_forwarded_message_that_starts_with_its_own_mbox_separator_keeps_its_headers()
    {
        // Message 16 is a message/rfc822 part whose content starts ">From - Fri Dec 13 ..." (quoted by the mbox).
        var message = MimeReader.ReadMbox(File.ReadAllBytes(Corpora.Mbox("content-length.mbox.txt"))).ElementAt(15);

        var embedded = Assert.IsType<MimeMessage>(message.Body.EmbeddedMessage);
        Assert.Equal("Re: can you send me an encrypted message?", embedded.Subject);
        Assert.Equal("application/x-pkcs7-mime", embedded.Body.ContentType.MimeType);
        Assert.Equal("smime.p7m", embedded.Body.FileName);
    }

    [Fact]
    public void The_separator_lines_are_kept_as_written()
    {
        var messages = MimeReader.ReadMbox(File.ReadAllBytes(Corpora.Mbox("simple.mbox.txt"))).ToList();

        Assert.Equal(3, messages.Count);
        Assert.All(messages, m => Assert.Equal("From - ", m.MboxFromLine));
    }

    // MimeKit prints media types as written; ours are lower case (RFC 2045 5.1), so the expectation is lower-cased.
    private static string Expected(string file, int message, string theirs)
    {
        const string field = "Content-Type: ";
        var lines = theirs.Split('\n').Select(line =>
        {
            var at = line.IndexOf(field, StringComparison.Ordinal);
            return at >= 0 && line[..at].Trim().Length == 0 ? line[..(at + field.Length)] + line[(at + field.Length)..].ToLowerInvariant() : line;
        });
        var expected = string.Join('\n', lines);
        if (Deviations.TryGetValue((file, message), out var deviation))
        {
            Assert.Contains(deviation.Theirs, expected, StringComparison.Ordinal);
            expected = expected.Replace(deviation.Theirs, deviation.Ours, StringComparison.Ordinal);
        }

        return expected;
    }
}
