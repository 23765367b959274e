using FollowUpFlow.Mail.Tests.Reading;
using FollowUpFlow.Mail.Tests.Support;

namespace FollowUpFlow.Mail.Tests;

/// <summary>Content-Transfer-Encoding choice, quoted-printable and line endings, through the writer.</summary>
public class BodyEncodingTests
{
    public static TheoryData<string> QuotedPrintableBodies => new()
    {
        string.Concat(Enumerable.Repeat("A long line without any break at all, ", 12)),
        "Trailing spaces   \r\nTrailing tab\t\r\nBoth \t \r\nLast line ends with a space ",
        "Schöne Grüße aus München!\r\nÀ bientôt, 東京 🎉\r\n",
        "a=b, 1+1=2, ==, =3D is not an escape here, =\r\n=",
        "From the desk of Alex\r\n.\r\nFrom \r\n..\r\n. \r\n",
        string.Concat(Enumerable.Repeat("ü", 200)) + "\r\n" + string.Concat(Enumerable.Repeat("=", 100)),
        new string('x', 75) + "\r\n" + new string('x', 76) + "\r\n" + new string('x', 77) + " \r\n" + new string(' ', 80),
        "Control\u0001character and DEL\u007f and NUL\0 stay intact é",
        "",
        "ä",
    };

    [Theory]
    [MemberData(nameof(QuotedPrintableBodies))]
    public void Bodies_decode_back_exactly(string body)
    {
        var raw = RfcMessageWriter.Write(Messages.Sample() with { TextBody = body });
        var parsed = MessageReader.Parse(raw);

        Assert.Equal(IsSevenBitText(body) ? "7bit" : "quoted-printable", parsed.RequiredHeader("Content-Transfer-Encoding"));
        Assert.Equal(body, parsed.DecodedBody());
        RawChecks.OnlyCrLf(raw);
        RawChecks.AllAscii(raw);
    }

    [Theory]
    [MemberData(nameof(QuotedPrintableBodies))]
    public void Quoted_printable_bodies_decode_back_exactly_within_76_columns(string body)
    {
        // A leading non-ASCII line forces quoted-printable for every sample.
        body = "é\r\n" + body;
        var raw = RfcMessageWriter.Write(Messages.Sample() with { TextBody = body });
        var parsed = MessageReader.Parse(raw);

        Assert.Equal("quoted-printable", parsed.RequiredHeader("Content-Transfer-Encoding"));
        Assert.Equal(body, parsed.DecodedBody());
        RawChecks.OnlyCrLf(raw);
        RawChecks.AllAscii(raw);
        Assert.All(parsed.RawBody.Split("\r\n"), line =>
        {
            Assert.True(line.Length <= 76, $"{line.Length}: {line}");
            Assert.False(line.EndsWith(' ') || line.EndsWith('\t'), $"Trailing whitespace: '{line}'");
        });
    }

    private static bool IsSevenBitText(string body) =>
        body.All(c => c is (>= ' ' and <= '~') or '\r' or '\n' or '\t') && body.Split("\r\n").All(l => l.Length <= 998);

    [Fact]
    public void Ascii_with_a_line_over_998_octets_is_quoted_printable()
    {
        var body = "short\r\n" + new string('a', 999) + "\r\nend";
        var parsed = MessageReader.Parse(RfcMessageWriter.Write(Messages.Sample() with { TextBody = body }));
        Assert.Equal("quoted-printable", parsed.RequiredHeader("Content-Transfer-Encoding"));
        Assert.Equal(body, parsed.DecodedBody());
    }

    [Fact]
    public void Ascii_with_a_line_of_exactly_998_octets_is_7bit()
    {
        var body = new string('a', 998) + "\r\n";
        var parsed = MessageReader.Parse(RfcMessageWriter.Write(Messages.Sample() with { TextBody = body }));
        Assert.Equal("7bit", parsed.RequiredHeader("Content-Transfer-Encoding"));
        Assert.Equal(body, parsed.RawBody);
    }

    [Fact]
    public void Bare_lf_and_cr_become_crlf()
    {
        var raw = RfcMessageWriter.Write(Messages.Sample() with { TextBody = "one\ntwo\rthree\r\nfour\n\nfive\r\rsix\n\r" });
        var parsed = MessageReader.Parse(raw);

        Assert.Equal("one\r\ntwo\r\nthree\r\nfour\r\n\r\nfive\r\n\r\nsix\r\n\r\n", parsed.DecodedBody());
        RawChecks.OnlyCrLf(raw);
    }

    [Fact]
    public void Bare_lf_in_a_quoted_printable_body_becomes_a_hard_crlf()
    {
        var raw = RfcMessageWriter.Write(Messages.Sample() with { TextBody = "Grüße\nbis bald\r" });
        var parsed = MessageReader.Parse(raw);

        Assert.Equal("Grüße\r\nbis bald\r\n", parsed.DecodedBody());
        Assert.DoesNotContain("=0A", parsed.RawBody, StringComparison.Ordinal);
        Assert.DoesNotContain("=0D", parsed.RawBody, StringComparison.Ordinal);
        RawChecks.OnlyCrLf(raw);
    }

    [Fact]
    public void From_lines_and_lone_dots_are_kept_intact_in_7bit()
    {
        const string body = "Hello\r\nFrom me to you\r\n.\r\nbye";
        var parsed = MessageReader.Parse(RfcMessageWriter.Write(Messages.Sample() with { TextBody = body }));
        Assert.Equal("7bit", parsed.RequiredHeader("Content-Transfer-Encoding"));
        Assert.Equal(body, parsed.RawBody);
    }

    [Fact]
    public void Body_with_an_unpaired_surrogate_is_refused() =>
        Assert.Throws<ArgumentException>(() => Messages.Sample() with { TextBody = "broken \udc00 text" });
}
