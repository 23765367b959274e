namespace FollowUpFlow.Inbound.Calendar;

/// <summary>Reads ORGANIZER and ATTENDEE: the mailto address (or EMAIL= when the value is another kind of URI), CN, ROLE, PARTSTAT.</summary>
internal static class CalendarPersonReader
{
    private const string MailtoScheme = "mailto:";

    public static CalendarPerson Read(ContentLine line)
    {
        var name = line.Parameter("CN") is { } cn ? CalendarText.Unescape(cn).Trim() : null;
        var email = Address(line.Value) ?? (line.Parameter("EMAIL") is { } parameter ? Address(parameter) : null);
        var role = line.Parameter("ROLE") is { } r ? CalendarText.Upper(r) : null;
        var partStat = line.Parameter("PARTSTAT") is { } p ? CalendarText.Upper(p) : null;
        return new CalendarPerson(string.IsNullOrEmpty(name) ? null : name, email, role, partStat);
    }

    /// <summary>The address of a <c>mailto:</c> URI (scheme in any case), or of a bare address; null for other URIs.</summary>
    private static string? Address(string value)
    {
        var text = value.AsSpan().Trim();
        if (text.StartsWith(MailtoScheme, StringComparison.OrdinalIgnoreCase))
        {
            text = text[MailtoScheme.Length..];
        }
        else if (text.Contains(':') || !text.Contains('@'))
        {
            return null;
        }

        text = text.Trim().Trim("<>").Trim();
        return text.IsEmpty ? null : text.ToString();
    }
}
