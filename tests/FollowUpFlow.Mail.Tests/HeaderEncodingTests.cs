using FollowUpFlow.Mail.Tests.Reading;
using FollowUpFlow.Mail.Tests.Support;

namespace FollowUpFlow.Mail.Tests;

/// <summary>RFC 2047 encoded-words and folding of Subject and display names.</summary>
public class HeaderEncodingTests
{
    public static TheoryData<string> NonAsciiSubjects => new()
    {
        "Grüße aus München – Vorstellungsgespräch am Dienstag",
        "Réponse à votre candidature : développeur·euse backend",
        "面接のお礼：ソフトウェアエンジニア職について",
        "Thanks! 🎉🚀 Looking forward 👍",
        "👨‍👩‍👧‍👦🏳️‍🌈",
        "Ä",
        "  leading and trailing spaces ü  ",
        "Mixed: straße, ça va, 東京, and =?not-a-word?=",
        string.Concat(Enumerable.Repeat("Größenordnung ", 30)),
        string.Concat(Enumerable.Repeat("日本語のテキスト", 40)),
        string.Concat(Enumerable.Repeat("😀", 200)),
    };

    [Theory]
    [MemberData(nameof(NonAsciiSubjects))]
    public void Non_ascii_subjects_decode_back_exactly(string subject)
    {
        var raw = RfcMessageWriter.Write(Messages.Sample() with { Subject = subject });
        var encoded = MessageReader.Parse(raw).RequiredHeader("Subject");

        Assert.Equal(subject, EncodedWordDecoder.Decode(encoded));
        RawChecks.EncodedWordsWellFormed(encoded);
        RawChecks.HeaderLinesAtMost(raw, 78);
        RawChecks.AllAscii(raw);
        RawChecks.OnlyCrLf(raw);
    }

    [Theory]
    [InlineData("Jürgen Müller")]
    [InlineData("Émilie Dubois-Lefèvre")]
    [InlineData("山田 太郎")]
    [InlineData("Zoë 🌟 Star")]
    [InlineData("Smith, John")]
    [InlineData("Dr. Who")]
    [InlineData("O'Brien")]
    [InlineData("a \"quoted\" \\ name")]
    [InlineData("Name with  two spaces")]
    [InlineData("=?utf-8?Q?fake?=")]
    [InlineData("Ünïcödé name that is rather long and goes on and on so it needs more than one word")]
    [InlineData("An ASCII name, with a comma, that is far too long to fit in one quoted string on a line")]
    public void Display_names_decode_back_exactly(string displayName)
    {
        var from = new MailAddress(displayName, "sender@example.com");
        var raw = RfcMessageWriter.Write(Messages.Sample() with { From = from, ReplyTo = from, To = [from, from] });
        var parsed = MessageReader.Parse(raw);

        Assert.Equal((displayName, "sender@example.com"), Assert.Single(AddressReader.ReadList(parsed.RequiredHeader("From"))));
        Assert.Equal((displayName, "sender@example.com"), Assert.Single(AddressReader.ReadList(parsed.RequiredHeader("Reply-To"))));
        Assert.All(AddressReader.ReadList(parsed.RequiredHeader("To")), a => Assert.Equal((displayName, "sender@example.com"), a));
        RawChecks.EncodedWordsWellFormed(parsed.RequiredHeader("From"));
        RawChecks.HeaderLinesAtMost(raw, 78);
    }

    [Fact]
    public void Plain_names_stay_readable()
    {
        var raw = RfcMessageWriter.Write(Messages.Sample() with { From = new MailAddress("Smith, John", "john@example.com") });
        Assert.Contains("From: \"Smith, John\" <john@example.com>\r\n", raw, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_ascii_subject_folds_at_whitespace_and_unfolds_exactly()
    {
        var subject = string.Join(' ', Enumerable.Range(1, 60).Select(i => $"word{i}"));
        var raw = RfcMessageWriter.Write(Messages.Sample() with { Subject = subject });
        var parsed = MessageReader.Parse(raw);

        Assert.Equal(subject, parsed.RequiredHeader("Subject"));
        Assert.True(parsed.RawHeaderLines.Count(l => l.StartsWith(' ')) >= 4, "The subject should be folded.");
        RawChecks.HeaderLinesAtMost(raw, 78);
    }

    [Fact]
    public void Runs_of_whitespace_survive_folding()
    {
        var subject = string.Join("   \t ", Enumerable.Range(1, 30).Select(i => $"w{i}")) + "  ";
        var parsed = MessageReader.Parse(RfcMessageWriter.Write(Messages.Sample() with { Subject = subject }));
        Assert.Equal(subject, parsed.RequiredHeader("Subject"));
        Assert.DoesNotContain(parsed.RawHeaderLines, l => l.Length > 0 && l.Trim().Length == 0);
    }

    [Fact]
    public void An_unbreakable_ascii_subject_never_passes_998_characters_per_line()
    {
        var subject = new string('x', 998);
        var raw = RfcMessageWriter.Write(Messages.Sample() with { Subject = subject });
        var encoded = MessageReader.Parse(raw).RequiredHeader("Subject");

        Assert.Equal(subject, EncodedWordDecoder.Decode(encoded));
        RawChecks.HeaderLinesAtMost(raw, 998);
        RawChecks.HeaderLinesAtMost(raw, 78);
    }

    [Fact]
    public void A_long_word_that_fits_in_998_stays_verbatim()
    {
        var subject = "Re: " + new string('y', 200);
        var raw = RfcMessageWriter.Write(Messages.Sample() with { Subject = subject });
        Assert.Equal(subject, MessageReader.Parse(raw).RequiredHeader("Subject"));
        RawChecks.HeaderLinesAtMost(raw, 998);
    }

    [Fact]
    public void First_encoded_word_fills_the_subject_line_without_passing_78()
    {
        var raw = RfcMessageWriter.Write(Messages.Sample() with { Subject = string.Concat(Enumerable.Repeat("ü", 100)) });
        var subjectLine = raw.Split("\r\n").Single(l => l.StartsWith("Subject:", StringComparison.Ordinal));
        Assert.StartsWith("Subject: =?utf-8?", subjectLine, StringComparison.Ordinal);
        Assert.InRange(subjectLine.Length, 70, 78);
    }

    [Fact]
    public void Japanese_uses_base64_and_german_uses_q()
    {
        var japanese = MessageReader.Parse(RfcMessageWriter.Write(Messages.Sample() with { Subject = "面接のお礼" })).RequiredHeader("Subject");
        var german = MessageReader.Parse(RfcMessageWriter.Write(Messages.Sample() with { Subject = "Vielen Dank für das Gespräch" })).RequiredHeader("Subject");
        Assert.StartsWith("=?utf-8?B?", japanese, StringComparison.Ordinal);
        Assert.StartsWith("=?utf-8?Q?", german, StringComparison.Ordinal);
    }
}
