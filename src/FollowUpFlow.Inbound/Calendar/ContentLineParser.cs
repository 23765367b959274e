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
        if (TryParse(line, honourQuotes: true, out var parsed, out var tooManyParameters))
        {
            ReportParameterCap(tooManyParameters, lineNumber, problems);
            return parsed;
        }

        // An unterminated quote swallows the ':' before the value: read the line again taking quotes literally.
        if (line.Contains('"') && TryParse(line, honourQuotes: false, out parsed, out tooManyParameters))
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
        if (i < 0)
        {
            return false;
        }

        var name = CalendarText.Upper(line.AsSpan(0, i).Trim());
        if (name.Length == 0)
        {
            return false;
        }

        ImmutableDictionary<string, string>.Builder? parameters = null;
        var parameterCount = 0;
        while (line[i] == ';')
        {
            var nameEnd = IndexOfAny(line, i + 1, '=', ';', ':');
            if (nameEnd < 0)
            {
                return false;
            }

            var parameterName = CalendarText.Upper(line.AsSpan(i + 1, nameEnd - i - 1).Trim());
            var value = string.Empty;
            i = nameEnd;
            if (line[i] == '=' && !TryReadValues(line, ref i, honourQuotes, out value))
            {
                return false;
            }

            if (parameterName.Length == 0)
            {
                continue;
            }

            if (++parameterCount > CalendarLimits.MaxParameters)
            {
                tooManyParameters = true;
                continue;
            }

            parameters ??= NoParameters.ToBuilder();
            parameters.TryAdd(parameterName, CalendarText.DecodeParameter(value));
        }

        parsed = new ContentLine(name, parameters?.ToImmutable() ?? NoParameters, line[(i + 1)..]);
        return true;
    }

    /// <summary>Reads the value list after '=' starting at <paramref name="i"/>; leaves <paramref name="i"/> on the ';' or ':' that ends it.</summary>
    private static bool TryReadValues(string line, ref int i, bool honourQuotes, out string values)
    {
        values = string.Empty;
        StringBuilder? list = null;
        var first = true;
        do
        {
            i++;
            string value;
            if (honourQuotes && i < line.Length && line[i] == '"')
            {
                var close = line.IndexOf('"', i + 1);
                if (close < 0)
                {
                    return false;
                }

                value = line[(i + 1)..close];
                i = IndexOfAny(line, close + 1, ',', ';', ':');
            }
            else
            {
                var end = EndOfUnquotedValue(line, i);
                value = end < 0 ? string.Empty : line.AsSpan(i, end - i).Trim().ToString();
                i = end;
            }

            if (i < 0)
            {
                return false;
            }

            if (first)
            {
                values = value;
                first = false;
            }
            else
            {
                list ??= new StringBuilder(values);
                list.Append(',').Append(value);
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
