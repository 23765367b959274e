using System.Buffers;

namespace FollowUpFlow.Inbound.Understanding;

/// <summary>Finds every occurrence of a fixed set of phrases in one pass over a text (vectorised by SearchValues).</summary>
internal sealed class PhraseSearch
{
    private readonly SearchValues<string> _search;

    public PhraseSearch(string[] phrases, StringComparison comparison = StringComparison.Ordinal)
    {
        Phrases = phrases;
        Comparison = comparison;
        _search = SearchValues.Create(phrases, comparison);
    }

    public string[] Phrases { get; }

    public StringComparison Comparison { get; }

    /// <summary>(where, which phrase) for every phrase starting at every position, in text order.</summary>
    public List<(int At, int Phrase)> Hits(ReadOnlySpan<char> text)
    {
        var hits = new List<(int, int)>();
        var offset = 0;
        while (offset < text.Length)
        {
            var hit = text[offset..].IndexOfAny(_search);
            if (hit < 0)
            {
                break;
            }

            var at = offset + hit;
            for (var i = 0; i < Phrases.Length; i++)
            {
                if (text[at..].StartsWith(Phrases[i], Comparison))
                {
                    hits.Add((at, i));
                }
            }

            offset = at + 1;
        }

        return hits;
    }

    /// <summary>Whether any phrase occurs.</summary>
    public bool AnyIn(ReadOnlySpan<char> text) => text.IndexOfAny(_search) >= 0;
}
