using FollowUpFlow.Mail.Tests.Reading;
using FollowUpFlow.Mail.Writing;

namespace FollowUpFlow.Mail.Tests;

/// <summary>The encoder on its own, against exact expected output and random input.</summary>
public class QuotedPrintableTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a=b", "a=3Db")]
    [InlineData("end ", "end=20")]
    [InlineData("end\t", "end=09")]
    [InlineData("in the middle", "in the middle")]
    [InlineData("é", "=C3=A9")]
    [InlineData("a \r\nb", "a=20\r\nb")]
    public void Encodes_exactly(string input, string expected) =>
        Assert.Equal(expected, QuotedPrintable.Encode(input));

    [Fact]
    public void A_76_character_line_is_not_broken()
    {
        var line = new string('a', 76);
        Assert.Equal(line, QuotedPrintable.Encode(line));
    }

    [Fact]
    public void A_77_character_line_gets_one_soft_break_at_75()
    {
        var encoded = QuotedPrintable.Encode(new string('a', 77));
        Assert.Equal(new string('a', 75) + "=\r\n" + "aa", encoded);
    }

    [Fact]
    public void An_escape_is_never_split_by_a_soft_break()
    {
        var encoded = QuotedPrintable.Encode(new string('a', 74) + "é");
        Assert.Equal(new string('a', 74) + "=\r\n=C3=A9", encoded);
    }

    [Fact]
    public void Random_text_round_trips_within_76_columns()
    {
        var random = new Random(20250307);
        string[] alphabet = ["a", "b", " ", "X", "=", "\t", ".", "-", "é", "東", "🎉", "\r", "\n", "\r\n"];
        for (var n = 0; n < 500; n++)
        {
            var chars = Enumerable.Range(0, random.Next(0, 400)).Select(_ => alphabet[random.Next(alphabet.Length)]);
            var text = LineEndings.ToCrLf(string.Concat(chars));
            var encoded = QuotedPrintable.Encode(text);

            Assert.Equal(text, QuotedPrintableDecoder.DecodeText(encoded));
            Assert.All(encoded.Split("\r\n"), line => Assert.InRange(line.Length, 0, 76));
        }
    }
}
