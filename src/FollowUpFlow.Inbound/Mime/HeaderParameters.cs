using System.Collections.Immutable;
using System.Text;

namespace FollowUpFlow.Inbound.Mime;

/// <summary>
/// The "value; name=value; ..." syntax of Content-Type and Content-Disposition: quoted values, RFC 2231 continuations and
/// charset'language'percent-encoding, RFC 2047 words inside values (not standard, but common), and missing semicolons.
/// </summary>
internal static class HeaderParameters
{
    private const int MaxSections = 1000;

    /// <summary>The parameters (names lower case, values decoded); <paramref name="head"/> is the value before them.</summary>
    public static ImmutableDictionary<string, string> Parse(string text, ReadContext context, out string head)
    {
        var headEnd = EndOfUnquoted(text, 0);
        head = StripComments(text.AsSpan(0, headEnd)).Trim();
        var raw = new List<(string Name, string Value)>();
        var i = headEnd;
        while (i < text.Length)
        {
            while (i < text.Length && (text[i] == ';' || char.IsWhiteSpace(text[i])))
            {
                i++;
            }

            var nameStart = i;
            while (i < text.Length && text[i] is not ('=' or ';'))
            {
                i++;
            }

            if (i >= text.Length || text[i] == ';')
            {
                continue;
            }

            var name = text.AsSpan(nameStart, i - nameStart).Trim();
            i++;
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            string value;
            if (i < text.Length && text[i] == '"')
            {
                value = ReadQuoted(text, ref i);
                while (i < text.Length && text[i] != ';')
                {
                    i++;
                }
            }
            else
            {
                var end = EndOfUnquoted(text, i);
                value = text[i..end].Trim();
                i = end;
            }

            if (!name.IsEmpty && !name.ContainsAny(" \t\"") && raw.Count < MaxSections)
            {
                raw.Add((name.ToString().ToLowerInvariant(), value));
            }
        }

        return raw.Count == 0 ? ImmutableDictionary<string, string>.Empty : Assemble(raw, context);
    }

    // A value ends at ";" or, when the semicolon was forgotten, at whitespace followed by "name=".
    private static int EndOfUnquoted(string text, int start)
    {
        var i = start;
        while (i < text.Length)
        {
            if (text[i] == ';')
            {
                return i;
            }

            if (!char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }

            var blankStart = i;
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            if (StartsParameter(text, i))
            {
                return blankStart;
            }
        }

        return text.Length;
    }

    private static bool StartsParameter(string text, int start)
    {
        var i = start;
        while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '-' or '_' or '*' or '.'))
        {
            i++;
        }

        return i > start && i < text.Length && text[i] == '=';
    }

    private static string ReadQuoted(string text, ref int i)
    {
        var builder = new StringBuilder();
        i++;
        while (i < text.Length && text[i] != '"')
        {
            if (text[i] == '\\' && i + 1 < text.Length)
            {
                i++;
            }

            builder.Append(text[i]);
            i++;
        }

        i = Math.Min(i + 1, text.Length);
        return builder.ToString();
    }

    private static string StripComments(ReadOnlySpan<char> text)
    {
        if (!text.Contains('('))
        {
            return text.ToString();
        }

        var builder = new StringBuilder(text.Length);
        var depth = 0;
        foreach (var c in text)
        {
            if (c == '(')
            {
                depth++;
            }
            else if (c == ')' && depth > 0)
            {
                depth--;
            }
            else if (depth == 0)
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static ImmutableDictionary<string, string> Assemble(List<(string Name, string Value)> raw, ReadContext context)
    {
        var result = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        var sectioned = new Dictionary<string, List<Section>>(StringComparer.Ordinal);
        foreach (var (name, value) in raw)
        {
            var star = name.IndexOf('*', StringComparison.Ordinal);
            if (star < 0)
            {
                if (!result.ContainsKey(name))
                {
                    result[name] = EncodedWords.Decode(value, context);
                }

                continue;
            }

            var rest = name.AsSpan(star + 1);
            var encoded = rest.IsEmpty || rest[^1] == '*';
            var digits = rest.TrimEnd('*');
            var index = 0;
            if (!digits.IsEmpty && !int.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out index))
            {
                continue;
            }

            var baseName = name[..star];
            if (!sectioned.TryGetValue(baseName, out var sections))
            {
                sectioned[baseName] = sections = [];
            }

            sections.Add(new Section(index, encoded, value));
        }

        foreach (var (name, sections) in sectioned)
        {
            // An RFC 2231 value wins over a plain one of the same name (mailers send both for old readers).
            result[name] = Rfc2231Value.Join(name, sections, context);
        }

        return result.ToImmutable();
    }
}

/// <summary>One RFC 2231 section: name*N or name*N* (percent-encoded).</summary>
internal readonly record struct Section(int Index, bool Encoded, string Value);

/// <summary>Joins RFC 2231 sections in order and decodes the percent-encoded ones with the charset of the first.</summary>
internal static class Rfc2231Value
{
    public static string Join(string name, List<Section> sections, ReadContext context)
    {
        sections.Sort((a, b) => a.Index.CompareTo(b.Index));
        string? charset = null;
        var output = new StringBuilder();
        var pending = new List<byte>();
        for (var s = 0; s < sections.Count; s++)
        {
            var section = sections[s];
            if (s > 0 && section.Index == sections[s - 1].Index)
            {
                continue;
            }

            var value = section.Value;
            if (!section.Encoded)
            {
                Flush(pending, charset, output, name, context);
                output.Append(value);
                continue;
            }

            if (s == 0)
            {
                var first = value.IndexOf('\'', StringComparison.Ordinal);
                var second = first < 0 ? -1 : value.IndexOf('\'', first + 1);
                if (second >= 0)
                {
                    charset = value[..first];
                    value = value[(second + 1)..];
                }
            }

            PercentDecode(value, pending);
        }

        Flush(pending, charset, output, name, context);
        return output.ToString();
    }

    private static void Flush(List<byte> pending, string? charset, StringBuilder output, string name, ReadContext context)
    {
        if (pending.Count > 0)
        {
            output.Append(CharsetText.Decode([.. pending], charset, context, $"parameter {name}"));
            pending.Clear();
        }
    }

    private static void PercentDecode(string value, List<byte> output)
    {
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '%' && i + 2 < value.Length && value[i + 1] < 128 && value[i + 2] < 128 && Hex.TryByte((byte)value[i + 1], (byte)value[i + 2], out var b))
            {
                output.Add(b);
                i += 2;
            }
            else if (c < 128)
            {
                output.Add((byte)c);
            }
            else
            {
                output.AddRange(Encoding.UTF8.GetBytes(c.ToString()));
            }
        }
    }
}
