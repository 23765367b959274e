using System.Collections.Immutable;
using FollowUpFlow.Inbound.Understanding.Dates;

namespace FollowUpFlow.Inbound.Forwards;

/// <summary>
/// A run of "From: … / Date: … / Subject: …" lines inside a body: how every mail program writes the
/// original of an inline forward (and, in Outlook, of a reply). Keys in English, German and French.
/// </summary>
internal sealed record InlineHeaderBlock(int Start, int BodyStart, bool HasForwardMarker, bool IsQuoted, ImmutableDictionary<string, string> Fields)
{
    private const int MaxBlockLines = 12;
    private const int MarkerLookBack = 3;

    public string? this[string key] => Fields.GetValueOrDefault(key);

    /// <summary>The first block in <paramref name="text"/> with at least a sender and a date or subject.</summary>
    public static InlineHeaderBlock? FindFirst(string text)
    {
        var lines = TextLines.Split(text);
        for (var i = 0; i < lines.Length; i++)
        {
            if (!TryReadField(lines[i].Span, out var key, out _) || key is not ("from" or "subject" or "date"))
            {
                continue;
            }

            var block = TryReadBlock(text, lines, i);
            if (block is not null)
            {
                return block;
            }
        }

        return null;
    }

    private static InlineHeaderBlock? TryReadBlock(string text, ImmutableArray<TextLine> lines, int first)
    {
        var fields = ImmutableDictionary.CreateBuilder<string, string>();
        var quoted = lines[first].Span.TrimStart().StartsWith('>');
        var last = first;
        string? lastKey = null;
        for (var i = first; i < lines.Length && i < first + MaxBlockLines; i++)
        {
            var line = lines[i].Span;
            if (TryReadField(line, out var key, out var value))
            {
                if (fields.ContainsKey(key))
                {
                    break; // A second From: starts the next block.
                }

                fields[key] = value;
                lastKey = key;
                last = i;
            }
            else if (lastKey is "to" or "cc" && IsAddressContinuation(line))
            {
                fields[lastKey] = fields[lastKey] + " " + Unquote(line).Trim().ToString();
                last = i;
            }
            else if (!Unquote(line).IsWhiteSpace() || !NextNonBlankIsField(lines, i + 1))
            {
                break;
            }
        }

        if (!fields.ContainsKey("from") || !(fields.ContainsKey("date") || fields.ContainsKey("subject")))
        {
            return null;
        }

        var bodyStart = last + 1 < lines.Length ? lines[last + 1].Start : text.Length;
        return new InlineHeaderBlock(lines[first].Start, bodyStart, HasMarkerAbove(lines, first), quoted, fields.ToImmutable());
    }

    private static bool NextNonBlankIsField(ImmutableArray<TextLine> lines, int from)
    {
        for (var i = from; i < lines.Length && i < from + 2; i++)
        {
            if (!Unquote(lines[i].Span).IsWhiteSpace())
            {
                return TryReadField(lines[i].Span, out _, out _);
            }
        }

        return false;
    }

    private static bool HasMarkerAbove(ImmutableArray<TextLine> lines, int first)
    {
        var seen = 0;
        for (var i = first - 1; i >= 0 && seen < MarkerLookBack; i--)
        {
            var line = Unquote(lines[i].Span).Trim();
            if (line.IsEmpty)
            {
                continue;
            }

            seen++;
            if (IsForwardMarker(line))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True for a line like "From: Sam Lee &lt;sam@x.com&gt;", "*Von:* Sam", "> De : Sam".</summary>
    public static bool TryReadField(ReadOnlySpan<char> line, out string key, out string value)
    {
        key = "";
        value = "";
        var colonAt = line.IndexOf(':');
        if (colonAt < 1 || colonAt > 40)
        {
            return false; // every field name we know is short: most lines end here, with nothing allocated
        }

        var unquoted = Unquote(line);
        var colon = unquoted.IndexOf(':');
        if (colon is < 1 or > 20)
        {
            return false;
        }

        var name = unquoted[..colon].Trim().Trim('*').Trim().ToString();
        var canonical = Canonical(name);
        if (canonical is null)
        {
            return false;
        }

        key = canonical;
        value = unquoted[(colon + 1)..].Trim().Trim('*').Trim().ToString();
        return true;
    }

    private static string? Canonical(string name) => name.ToLowerInvariant() switch
    {
        "from" or "von" or "de" or "van" or "da" => "from",
        "date" or "sent" or "datum" or "gesendet" or "envoyé" or "envoye" or "enviado" => "date",
        "to" or "an" or "à" or "a" or "pour" => "to",
        "cc" or "kopie" => "cc",
        "subject" or "betreff" or "objet" or "sujet" or "asunto" => "subject",
        "reply-to" or "antwort an" or "répondre à" => "reply-to",
        _ => null,
    };

    private static bool IsAddressContinuation(ReadOnlySpan<char> line)
    {
        var trimmed = Unquote(line).Trim();
        return trimmed.Length > 0 && (trimmed.Contains('@') || trimmed.EndsWith(',') || trimmed.EndsWith(';')) && !trimmed.Contains(':');
    }

    /// <summary>The line without its "&gt; " quote prefixes.</summary>
    public static ReadOnlySpan<char> Unquote(ReadOnlySpan<char> line)
    {
        var span = line.TrimStart();
        while (!span.IsEmpty && span[0] == '>')
        {
            span = span[1..].TrimStart();
        }

        return span;
    }

    private static readonly string[] MarkerPhrases =
    [
        "forwarded message", "original message", "weitergeleitete nachricht", "ursprungliche nachricht", "message transfere", "message d'origine",
        "message original", "mensaje reenviado",
    ];

    private static readonly string[] MarkerLines =
    [
        "begin forwarded message:", "anfang der weitergeleiteten nachricht:", "debut du message reexpedie :", "debut du message reexpedie:",
    ];

    /// <summary>
    /// "---------- Forwarded message ---------", "-----Original Message-----", "Begin forwarded message:" and their German and
    /// French forms. Outlook's bare "____" line is not one: it stands above replies as well as forwards.
    /// </summary>
    private static bool IsForwardMarker(ReadOnlySpan<char> line)
    {
        var folded = TextFolding.Fold(line);
        if (MarkerLines.Contains(folded))
        {
            return true;
        }

        var inner = folded.Trim('-', ' ');
        return folded.StartsWith("--", StringComparison.Ordinal) && folded.EndsWith("--", StringComparison.Ordinal) && MarkerPhrases.Contains(inner);
    }
}
