using FollowUpFlow.Inbound.Understanding;

namespace FollowUpFlow.Inbound.Tests.Understanding.Unit;

/// <summary>A long body keeps its opening, its end and every line between that holds a keyword, each once and in order.</summary>
public sealed class RelevantLinesTests
{
    private static readonly PhraseSearch Keywords = new(["interview", "gmbh", " ag", "société"], StringComparison.OrdinalIgnoreCase);

    [Fact]
    public void Short_text_is_kept_whole()
    {
        const string text = "Hi Alex,\nagenda item\nBest,\nSam";
        Assert.Same(text, RelevantLines.Select(text, Keywords));
    }

    [Fact]
    public void Long_text_keeps_head_keyword_lines_and_tail()
    {
        var head = string.Concat(Enumerable.Repeat("Opening line of the greeting.\n", 30));
        var middle = string.Join('\n',
            "Agenda: coffee", "Your INTERVIEW at Contoso GmbH is confirmed", "lunch break", "Join us at Fabrikam AG", "Meet the Société Générale team", "parking", "");
        var filler = string.Concat(Enumerable.Repeat("more schedule and a job description without names\n", 20));
        var tail = string.Concat(Enumerable.Repeat("Signature line, phone and address.\n", 20));
        var selected = RelevantLines.Select(head + middle + filler + tail, Keywords);

        Assert.StartsWith(head, selected, StringComparison.Ordinal);
        Assert.EndsWith(tail[^600..], selected, StringComparison.Ordinal);
        var between = selected[head.Length..selected.IndexOf("Signature line", StringComparison.Ordinal)].Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["Your INTERVIEW at Contoso GmbH is confirmed", "Join us at Fabrikam AG", "Meet the Société Générale team"], between);
    }

    [Fact]
    public void Random_texts_keep_exactly_the_lines_with_a_keyword()
    {
        var random = new Random(20261122);
        string[] words = ["interview", "the", "Client", "Contoso", "GmbH", "nothing", "SOCIÉTÉ", "bei", "ag", "line", "\n", "\n\n"];
        for (var i = 0; i < 200; i++)
        {
            var text = string.Join(' ', Enumerable.Range(0, random.Next(300, 900)).Select(_ => words[random.Next(words.Length)]));
            Assert.Equal(Expected(text), RelevantLines.Select(text, Keywords));
        }
    }

    // The definition, line by line: the head up to its last line break within 900 characters, the lines between that
    // name a keyword, and the tail from the first line break of the last 700 characters.
    private static string Expected(string text)
    {
        if (text.Length <= 1600)
        {
            return text;
        }

        var headEnd = text.LastIndexOf('\n', 900);
        headEnd = headEnd < 0 ? 900 : headEnd;
        var tailStart = text.IndexOf('\n', text.Length - 700);
        tailStart = tailStart < 0 ? text.Length - 700 : tailStart;
        var lines = text[(headEnd + 1)..tailStart].Split('\n').Where(line => Keywords.AnyIn(line));
        return text[..headEnd] + "\n" + string.Concat(lines.Select(line => line + "\n")) + text[tailStart..];
    }
}
