using FollowUpFlow.Inbound.Understanding.Dates;

namespace FollowUpFlow.Inbound.Tests.Understanding.Dates;

/// <summary>A word is known however it is cased or accented, short or long, at the end of the text or inside it.</summary>
public sealed class WordSpellingTests
{
    private static readonly DateTimeOffset SentAt = DateExpectation.SentAt;

    [Theory]
    [InlineData("Interview on December 8, 2026 at 14:00, see you.")]
    [InlineData("Interview on DECEMBER 8, 2026 at 14:00, see you.")]
    [InlineData("Interview on dEcEmBeR 8, 2026 at 14:00, see you.")]
    [InlineData("Interview on Dec 8, 2026 at 14:00, see you.")]
    [InlineData("Entretien le 8 décembre 2026 à 14:00, à bientôt.")]
    [InlineData("Entretien le 8 DÉCEMBRE 2026 à 14:00, à bientôt.")]
    [InlineData("Entretien le 8 de\u0301cembre 2026 à 14:00, à bientôt.")] // decomposed accent
    [InlineData("Gespräch am 8. Dezember 2026 um 14:00 Uhr, bis dann.")]
    public void Month_names_are_read_in_any_case_and_accent(string text)
    {
        var match = Assert.Single(TextDateFinder.Find(text, SentAt, "UTC"));
        Assert.Equal("2026-12-08T14:00:00+00:00", DateExpectation.Iso(match.Start));
    }

    [Theory]
    [InlineData("Dec 8 2026 at 14:00 UTC")]
    [InlineData("at 14:00 UTC, December 8 2026")]
    [InlineData("at 14:00 UTC, 8 Dec")]
    public void Words_at_the_very_end_of_the_text_are_known(string text)
    {
        var match = Assert.Single(TextDateFinder.Find(text, SentAt, "UTC"));
        Assert.True(match.HasDate && match.HasTime);
        Assert.Equal(new DateTime(2026, 12, 8, 14, 0, 0), match.Start.UtcDateTime);
    }

    [Theory]
    [InlineData("The call is at 2pm EST.", true)]
    [InlineData("The call is at 2pm est.", false)] // French "est" ("is") in lower case is no zone
    public void Zone_abbreviations_that_are_also_words_count_only_in_capitals(string text, bool explicitZone)
    {
        var match = Assert.Single(TextDateFinder.Find(text, SentAt, "UTC"));
        Assert.Equal(explicitZone, match.ExplicitZone);
    }
}
