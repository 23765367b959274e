namespace FollowUpFlow.Inbound.Calendar;

/// <summary>Finds the online-meeting link (Microsoft Teams, Zoom, Google Meet, Webex) of an event, or in any text.</summary>
public static class CalendarMeetingLinks
{
    private const int MaxHostLength = 253;
    private const int MaxUrlLength = 4096;
    private const string TrailingPunctuation = ".,;:!?'\"*";

    private static readonly MeetingHost[] Hosts =
    [
        new("teams.microsoft.com", HostMatch.Exact, ["/l/meetup-join/", "/meet/"]),
        new("teams.live.com", HostMatch.Exact, ["/meet/"]),
        new("zoom.us", HostMatch.ExactOrSubdomain, ["/j/", "/my/", "/w/"]),
        new("meet.google.com", HostMatch.Exact, []),
        new("webex.com", HostMatch.Subdomain, ["/"]),
    ];

    private enum HostMatch
    {
        Exact,
        Subdomain,
        ExactOrSubdomain,
    }

    /// <summary>
    /// The meeting link of an event, looked for in order of trust: URL, CONFERENCE, X- properties
    /// (X-MICROSOFT-SKYPETEAMSMEETINGURL, X-GOOGLE-CONFERENCE...), LOCATION, DESCRIPTION.
    /// </summary>
    public static string? FindMeetingUrl(CalendarEvent evt)
    {
        ArgumentNullException.ThrowIfNull(evt);
        return FindIn(evt.Url)
            ?? FindInProperties(evt, static name => name == "CONFERENCE")
            ?? FindInProperties(evt, static name => name.StartsWith("X-", StringComparison.Ordinal))
            ?? FindIn(evt.Location)
            ?? FindIn(evt.Description);
    }

    /// <summary>
    /// The first meeting link in a text (an email body, a description), with trailing punctuation and &lt;&gt; wrappers
    /// removed; links written without a scheme get https://. Null when there is none.
    /// </summary>
    public static string? FindIn(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        string? first = null;
        var firstStart = int.MaxValue;
        foreach (var host in Hosts)
        {
            if (FirstLink(text, host) is ({ } url, var start) && start < firstStart)
            {
                first = url;
                firstStart = start;
            }
        }

        return first;
    }

    private static string? FindInProperties(CalendarEvent evt, Func<string, bool> isWanted)
    {
        foreach (var property in evt.Properties)
        {
            if (isWanted(property.Name) && FindIn(property.Value) is { } url)
            {
                return url;
            }
        }

        return null;
    }

    /// <summary>The first link to <paramref name="host"/> in the text and where it starts.</summary>
    private static (string? Url, int Start) FirstLink(string text, MeetingHost host)
    {
        var anchor = host.Name + "/";
        for (var from = 0; from < text.Length;)
        {
            var found = text.IndexOf(anchor, from, StringComparison.OrdinalIgnoreCase);
            if (found < 0)
            {
                break;
            }

            if (LinkAt(text, found, host) is ({ } url, var start))
            {
                return (url, start);
            }

            from = found + 1;
        }

        return (null, -1);
    }

    /// <summary>Reads the link whose host name ends with the anchor found at <paramref name="anchor"/>, if it is a meeting link.</summary>
    private static (string? Url, int Start) LinkAt(string text, int anchor, MeetingHost host)
    {
        var hostStart = anchor;
        while (hostStart > 0 && IsHostChar(text[hostStart - 1]) && anchor - hostStart < MaxHostLength)
        {
            hostStart--;
        }

        var pathStart = anchor + host.Name.Length;
        if (!host.Accepts(text.AsSpan(hostStart, pathStart - hostStart)) || !host.AcceptsPath(text.AsSpan(pathStart)))
        {
            return (null, -1);
        }

        var start = hostStart;
        if (hostStart >= 3 && text.AsSpan(hostStart - 3, 3).SequenceEqual("://"))
        {
            start = hostStart - 3;
            while (start > 0 && char.IsAsciiLetter(text[start - 1]) && hostStart - start < 10)
            {
                start--;
            }

            var scheme = text.AsSpan(start, hostStart - 3 - start);
            if (!scheme.Equals("https", StringComparison.OrdinalIgnoreCase) && !scheme.Equals("http", StringComparison.OrdinalIgnoreCase))
            {
                return (null, -1);
            }
        }

        var end = pathStart;
        while (end < text.Length && end - start < MaxUrlLength && !EndsUrl(text[end]))
        {
            end++;
        }

        end = WithoutTrailingPunctuation(text, start, end);
        var url = start == hostStart ? string.Concat("https://", text.AsSpan(hostStart, end - hostStart)) : text[start..end];
        return (url, start);
    }

    /// <summary>Drops sentence punctuation after a link, and closing brackets the link does not open.</summary>
    private static int WithoutTrailingPunctuation(string text, int start, int end)
    {
        while (end > start)
        {
            var last = text[end - 1];
            var opener = last switch { ')' => '(', ']' => '[', '}' => '{', _ => '\0' };
            var unbalanced = opener != '\0' && text.AsSpan(start, end - start).Count(opener) < text.AsSpan(start, end - start).Count(last);
            if (!TrailingPunctuation.Contains(last, StringComparison.Ordinal) && !unbalanced)
            {
                break;
            }

            end--;
        }

        return end;
    }

    private static bool IsHostChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '-';

    private static bool EndsUrl(char c) => char.IsWhiteSpace(c) || char.IsControl(c) || c is '<' or '>' or '"' or '`' or '\\' or '|';

    private sealed record MeetingHost(string Name, HostMatch Match, string[] PathPrefixes)
    {
        public bool Accepts(ReadOnlySpan<char> host) => Match switch
        {
            HostMatch.Exact => host.Equals(Name, StringComparison.OrdinalIgnoreCase),
            HostMatch.Subdomain => IsSubdomain(host),
            _ => host.Equals(Name, StringComparison.OrdinalIgnoreCase) || IsSubdomain(host),
        };

        /// <summary>The path must start with one of the prefixes and go on; Google Meet's must be a meeting code (abc-defg-hij).</summary>
        public bool AcceptsPath(ReadOnlySpan<char> rest)
        {
            if (PathPrefixes.Length == 0)
            {
                return IsMeetCode(rest);
            }

            foreach (var prefix in PathPrefixes)
            {
                if (rest.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && rest.Length > prefix.Length && !EndsUrl(rest[prefix.Length]))
                {
                    return true;
                }
            }

            return false;
        }

        private bool IsSubdomain(ReadOnlySpan<char> host) =>
            host.Length > Name.Length + 1 && host.EndsWith(Name, StringComparison.OrdinalIgnoreCase) && host[^(Name.Length + 1)] == '.';

        /// <summary>"/" then three, four and three letters joined by dashes, not followed by another letter.</summary>
        private static bool IsMeetCode(ReadOnlySpan<char> rest)
        {
            const string Shape = "/aaa-aaaa-aaa";
            if (rest.Length < Shape.Length || (rest.Length > Shape.Length && char.IsAsciiLetterOrDigit(rest[Shape.Length])))
            {
                return false;
            }

            for (var i = 0; i < Shape.Length; i++)
            {
                var fits = Shape[i] == 'a' ? char.IsAsciiLetter(rest[i]) : rest[i] == Shape[i];
                if (!fits)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
