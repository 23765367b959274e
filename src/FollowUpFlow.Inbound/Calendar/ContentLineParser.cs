using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace FollowUpFlow.Inbound.Calendar;

/// <summary>Splits a content line into <c>name *(";" param "=" value *("," value)) ":" value</c> (RFC 5545 3.1).</summary>
internal static class ContentLineParser
{
    private static readonly ImmutableDictionary<string, string> NoParameters =
        ImmutableDictionary.Create<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The parsed line, or null (with a problem) when it has no name or no value separator.</summary>
    public static ContentLine? Parse(string line, int lineNumber, ProblemLog problems)
    {
        var hasColon = line.Contains(':');
        if (hasColon && TryParse(line, honourQuotes: true, out var parsed, out var tooManyParameters))
        {
            ReportParameterCap(tooManyParameters, lineNumber, problems);
            return parsed;
        }

        // An unterminated quote swallows the ':' before the value: read the line again taking quotes literally.
        if (hasColon && line.Contains('"') && TryParse(line, honourQuotes: false, out parsed, out tooManyParameters))
        {
            problems.Add($"Line {lineNumber}: unterminated quoted parameter value; quotes read as text.");
            ReportParameterCap(tooManyParameters, lineNumber, problems);
            return parsed;
        }

        problems.Add($"Line {lineNumber}: not a content line (no name, or no ':' before the value): '{ProblemLog.Snippet(line)}'.");
        return null;
    }

    private static bool TryParse(string line, bool honourQuotes, [NotNullWhen(true)] out ContentLine? parsed, out bool tooManyParameters)
    {
        parsed = null;
        tooManyParameters = false;
        var i = line.AsSpan().IndexOfAny(';', ':');
        var nameEndsAt = i;
        if (i < 0 || line.AsSpan(0, i).IsWhiteSpace())
        {
            return false;
        }

        // Parameters are gathered first and made immutable only once the whole line has proved readable.
        List<(string Name, string Value)>? parameters = null;
        while (line[i] == ';')
        {
            var nameEnd = IndexOfAny(line, i + 1, '=', ';', ':');
            if (nameEnd < 0)
            {
                return false;
            }

            var nameSpan = line.AsSpan(i + 1, nameEnd - i - 1).Trim();
            var keep = !nameSpan.IsEmpty && (parameters?.Count ?? 0) < CalendarLimits.MaxParameters;
            tooManyParameters |= !nameSpan.IsEmpty && !keep;
            var value = string.Empty;
            i = nameEnd;
            if (line[i] == '=' && !TryReadValues(line, ref i, honourQuotes, keep, out value))
            {
                return false;
            }

            if (keep)
            {
                (parameters ??= []).Add((CalendarText.Upper(nameSpan), value));
            }
        }

        parsed = new ContentLine(CalendarText.Upper(line.AsSpan(0, nameEndsAt).Trim()), Immutable(parameters), line[(i + 1)..]);
        return true;
    }

    private static ImmutableDictionary<string, string> Immutable(List<(string Name, string Value)>? parameters)
    {
        if (parameters is null)
        {
            return NoParameters;
        }

        var builder = NoParameters.ToBuilder();
        foreach (var (name, value) in parameters)
        {
            builder.TryAdd(name, CalendarText.DecodeParameter(value));
        }

        return builder.ToImmutable();
    }

    /// <summary>
    /// Reads the value list after '=' starting at <paramref name="i"/>; leaves <paramref name="i"/> on the ';' or ':'
    /// that ends it. Values are joined by commas, and only built when <paramref name="keep"/> is set.
    /// </summary>
    private static bool TryReadValues(string line, ref int i, bool honourQuotes, bool keep, out string values)
    {
        values = string.Empty;
        StringBuilder? list = null;
        var count = 0;
        do
        {
            i++;
            ReadOnlySpan<char> value;
            if (honourQuotes && i < line.Length && line[i] == '"')
            {
                var close = i + 1 < line.Length ? line.IndexOf('"', i + 1) : -1;
                if (close < 0)
                {
                    return false;
                }

                value = line.AsSpan(i + 1, close - i - 1);
                i = IndexOfAny(line, close + 1, ',', ';', ':');
            }
            else
            {
                var start = i;
                i = EndOfUnquotedValue(line, start);
                value = i < 0 ? default : line.AsSpan(start, i - start).Trim();
            }

            if (i < 0)
            {
                return false;
            }

            if (keep && count++ == 0)
            {
                values = value.ToString();
            }
            else if (keep)
            {
                (list ??= new StringBuilder(values)).Append(',').Append(value);
            }
        }
        while (line[i] == ',');

        if (list is not null)
        {
            values = list.ToString();
        }

        return true;
    }

    private static void ReportParameterCap(bool tooManyParameters, int lineNumber, ProblemLog problems)
    {
        if (tooManyParameters)
        {
            problems.Add($"Line {lineNumber}: more than {CalendarLimits.MaxParameters} parameters; the rest are ignored.");
        }
    }

    /// <summary>
    /// Where an unquoted parameter value ends: at ',' ';' or ':', except a backslash-escaped ',' or ';'
    /// (as in <c>CN=Doe\, John</c>, which some programs write instead of quoting).
    /// </summary>
    private static int EndOfUnquotedValue(string line, int start)
    {
        for (var i = start; i < line.Length; i++)
        {
            switch (line[i])
            {
                case '\\' when i + 1 < line.Length && line[i + 1] is ',' or ';':
                    i++;
                    break;
                case ',' or ';' or ':':
                    return i;
            }
        }

        return -1;
    }

    private static int IndexOfAny(string line, int start, char a, char b, char c)
    {
        if (start >= line.Length)
        {
            return -1;
        }

        var offset = line.AsSpan(start).IndexOfAny(a, b, c);
        return offset < 0 ? -1 : start + offset;
    }
}
