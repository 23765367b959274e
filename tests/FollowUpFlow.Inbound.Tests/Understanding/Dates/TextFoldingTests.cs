using FollowUpFlow.Inbound.Understanding.Dates;

namespace FollowUpFlow.Inbound.Tests.Understanding.Dates;

/// <summary>Folding lower-cases and drops accents the same way on every path: all-ASCII, mixed, short and long text.</summary>
public sealed class TextFoldingTests
{
    [Theory]
    [InlineData("", "")]
    [InlineData("Interview CONFIRMED: Tuesday 2 PM", "interview confirmed: tuesday 2 pm")]
    [InlineData("Décembre DÉCEMBRE décembre", "decembre decembre decembre")]
    [InlineData("Straße, Œuvre, Æsir", "strasse, oeuvre, aesir")]
    [InlineData("Gespräch mit Frau Müller", "gesprach mit frau muller")]
    [InlineData("cafe\u0301 you\u2019ll\u00A0meet", "cafe you'll meet")]
    public void Folds_short_text(string text, string folded) => Assert.Equal(folded, TextFolding.Fold(text));

    [Fact]
    public void Long_text_folds_like_its_pieces()
    {
        // Longer than the stack buffer, with the non-ASCII characters spread out and one that grows (ß → ss) at the end.
        var pieces = Enumerable.Range(0, 200).Select(i => i % 7 == 0 ? "Grüße É " : $"Line {i} MEETING ").Append("Straße").ToList();
        Assert.Equal(string.Concat(pieces.Select(p => TextFolding.Fold(p))), TextFolding.Fold(string.Concat(pieces)));
        Assert.EndsWith("strasse", TextFolding.Fold(string.Concat(pieces)), StringComparison.Ordinal);
    }

    [Fact]
    public void Too_small_a_destination_is_reported_not_overrun()
    {
        Span<char> small = stackalloc char[4];
        Assert.Equal(-1, TextFolding.Fold("Interview", small));
        Assert.Equal(-1, TextFolding.Fold("abcß", small));
        Assert.Equal(4, TextFolding.Fold("AbÇd", small));
        Assert.Equal("abcd", small.ToString());
    }
}
