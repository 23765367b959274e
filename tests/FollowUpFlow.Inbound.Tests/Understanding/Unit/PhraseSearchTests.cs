using FollowUpFlow.Inbound.Understanding;

namespace FollowUpFlow.Inbound.Tests.Understanding.Unit;

/// <summary>The multi-phrase search gives exactly what a naive search of each phrase at each position gives.</summary>
public sealed class PhraseSearchTests
{
    private static readonly string[] Phrases =
    [
        "meet with", "meet", " with ", " · ", "gespräch", "interview", "interviewer", "avec", "société", "ß", "a", "host:", "hosted by",
        "with our", "jury", "who:", "\nwith ", "(with ", "treffen", "triffst", "recus par", "panel", "panelist", "panelists",
    ];

    [Theory]
    [InlineData("You will meet with Priya · 10:00 and then the panel: our panelists (with Sam) host: Ken")]
    [InlineData("Gespräch mit der Société Générale, Straße 5 · Jury avec Marie\nwith Tom")]
    [InlineData("")]
    [InlineData("ß")]
    [InlineData("interviewer interviewers INTERVIEW")]
    public void Hits_are_every_phrase_at_every_position_in_text_order(string text)
    {
        var search = new PhraseSearch(Phrases);
        Assert.Equal(NaiveHits(text, StringComparison.Ordinal), search.Hits(text));
        Assert.Equal(NaiveHits(text, StringComparison.Ordinal).Count > 0, search.AnyIn(text));
    }

    [Fact]
    public void Ignoring_case_finds_phrases_beyond_ascii_too()
    {
        var search = new PhraseSearch(Phrases, StringComparison.OrdinalIgnoreCase);
        const string text = "SOCIÉTÉ, Gespräch, GESPRÄCH, Meet With, INTERVIEWER";
        Assert.Equal(NaiveHits(text, StringComparison.OrdinalIgnoreCase), search.Hits(text));
        Assert.Contains(search.Hits(text), hit => Phrases[hit.Phrase] == "société");
    }

    [Fact]
    public void Random_texts_agree_with_the_naive_search()
    {
        var random = new Random(20261122);
        const string alphabet = "aeinrstw :·ßéä\nprhoyu(";
        var search = new PhraseSearch(Phrases);
        for (var i = 0; i < 300; i++)
        {
            var text = new string([.. Enumerable.Range(0, random.Next(0, 200)).Select(_ => alphabet[random.Next(alphabet.Length)])]);
            text = text.Insert(random.Next(text.Length + 1), Phrases[random.Next(Phrases.Length)]);
            Assert.Equal(NaiveHits(text, StringComparison.Ordinal), search.Hits(text));
        }
    }

    private static List<(int At, int Phrase)> NaiveHits(string text, StringComparison comparison)
    {
        var hits = new List<(int At, int Phrase)>();
        for (var at = 0; at < text.Length; at++)
        {
            for (var phrase = 0; phrase < Phrases.Length; phrase++)
            {
                if (text.AsSpan(at).StartsWith(Phrases[phrase], comparison))
                {
                    hits.Add((at, phrase));
                }
            }
        }

        return hits;
    }
}
