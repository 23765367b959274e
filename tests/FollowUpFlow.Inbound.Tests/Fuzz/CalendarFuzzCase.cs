using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace FollowUpFlow.Inbound.Tests.Fuzz;

public enum CalendarMutationKind
{
    FlipCharacter,
    DuplicateLine,
    DeleteLine,
    InsertBeginEvent,
    InsertTzid,
    InsertLongFoldedLine,
    Truncate,
    Splice,
    InsertToken,
}

/// <summary>One way of damaging a calendar. <see cref="Where"/> and <see cref="What"/> pick the place and the damage, scaled to the text.</summary>
public sealed record CalendarMutation(CalendarMutationKind Kind, int Where, int What)
{
    private const int MaxFoldedLength = 20_000;

    private static readonly string[] TzIds =
    [
        "Europe/Berlin", "W. Europe Standard Time", "\"(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna\"",
        "\"/mozilla.org/20050126_1/Europe/Berlin\"", "Eastern Standard Time 1", "custom_America/New_York", "UTC+11", "X", "", "\"unterminated",
    ];

    private static readonly string[] Tokens =
    [
        "\r\n", "\n ", "\r", "\t", "\0", "\uFEFF", "\"", "\\", ":", ";", ",", "=", "^", "\ud800",
        "END:VEVENT\r\n", "END:VCALENDAR\r\n", "BEGIN:VALARM\r\n", "END:VTIMEZONE\r\n", "BEGIN:DAYLIGHT\r\n",
        "BEGIN:VTIMEZONE\r\nTZID:X\r\nBEGIN:STANDARD\r\nDTSTART:16010101T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nRRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n",
        "DURATION:P99999999W\r\n", "DURATION:-P1W2DT3H4M5S\r\n", "DTSTART;TZID=X:99991231T235959\r\n", "DTEND;VALUE=DATE:00010101\r\n",
        "RRULE:FREQ=YEARLY;INTERVAL=0;BYDAY=99SU;BYMONTHDAY=-40\r\n", "TZOFFSETTO:+9999\r\n", "RDATE;VALUE=PERIOD:19960403T020000Z/PT2H,x\r\n",
        "ATTENDEE;CN=\"a;b:c\";EMAIL=x@y:urn:x\r\n", "ORGANIZER:MAILTO:\r\n", "SEQUENCE:99999999999\r\n",
        "DESCRIPTION:https://acme.zoom.us/j/1 <https://teams.microsoft.com/l/meetup-join/x> meet.google.com/abc-defg-hij\r\n",
    ];

    public static Gen<CalendarMutation> Generator() =>
        from kind in Gen.Elements(Enum.GetValues<CalendarMutationKind>())
        from place in Gen.Choose(0, int.MaxValue)
        from what in Gen.Choose(0, int.MaxValue)
        select new CalendarMutation(kind, place, what);

    public string ApplyTo(string text, IReadOnlyList<string> corpus) => Kind switch
    {
        CalendarMutationKind.FlipCharacter when text.Length > 0 => FlipCharacter(text),
        CalendarMutationKind.DuplicateLine => EditLines(text, (lines, i) => lines.Insert(i, lines[i])),
        CalendarMutationKind.DeleteLine => EditLines(text, (lines, i) => lines.RemoveAt(i)),
        CalendarMutationKind.InsertBeginEvent => EditLines(text, (lines, i) => lines.Insert(i, "BEGIN:VEVENT\r")),
        CalendarMutationKind.InsertTzid => text.Insert(PlaceBeforeColon(text), ";TZID=" + TzIds[What % TzIds.Length]),
        CalendarMutationKind.InsertLongFoldedLine => EditLines(text, (lines, i) => lines.Insert(i, FoldedLine(What % MaxFoldedLength))),
        CalendarMutationKind.Truncate => text[..Place(text)],
        CalendarMutationKind.Splice => Splice(text, corpus[What % corpus.Count]),
        CalendarMutationKind.InsertToken => text.Insert(Place(text), Tokens[What % Tokens.Length]),
        _ => text,
    };

    public override string ToString() => $"{Kind}({Where}, {What})";

    private int Place(string text) => Where % (text.Length + 1);

    /// <summary>Half the time just before a line's first colon, where a parameter goes; otherwise anywhere.</summary>
    private int PlaceBeforeColon(string text)
    {
        var colon = text.IndexOf(':', Place(text));
        return What % 2 == 0 && colon >= 0 ? colon : Place(text);
    }

    private string FlipCharacter(string text)
    {
        // Even choices are characters iCalendar gives meaning to; odd ones anything at all, lone surrogates included.
        const string Meaningful = ":;,=\"\\\r\n \t^";
        var replacement = What % 2 == 0 ? Meaningful[What / 2 % Meaningful.Length] : (char)(What / 2 % (char.MaxValue + 1));
        var chars = text.ToCharArray();
        chars[Where % chars.Length] = replacement;
        return new string(chars);
    }

    private string EditLines(string text, Action<List<string>, int> edit)
    {
        var lines = text.Split('\n').ToList();
        edit(lines, Where % lines.Count);
        return string.Join('\n', lines);
    }

    private string Splice(string text, string other) => string.Concat(text.AsSpan(0, Place(text)), other.AsSpan(What % (other.Length + 1)));

    private static string FoldedLine(int length)
    {
        var line = new StringBuilder("DESCRIPTION:");
        for (var i = 0; i < length; i++)
        {
            line.Append((char)('a' + (i % 26)));
            if (i % 73 == 72)
            {
                line.Append("\r\n ");
            }
        }

        return line.Append('\r').ToString();
    }
}

/// <summary>A corpus calendar and the damage done to it; its text shows how to rebuild the input of a failure.</summary>
public sealed record CalendarFuzzCase(string FileName, IReadOnlyList<CalendarMutation> Mutations)
{
    private const int MaxMutations = 8;

    public static Gen<CalendarFuzzCase> Generator(IReadOnlyList<string> fileNames) =>
        from fileName in Gen.Elements<string>(fileNames)
        from count in Gen.Choose(1, MaxMutations)
        from mutations in CalendarMutation.Generator().ArrayOf(count)
        select new CalendarFuzzCase(fileName, mutations);

    public string Build(IReadOnlyDictionary<string, string> corpus)
    {
        var others = corpus.Values.ToList();
        return Mutations.Aggregate(corpus[FileName], (text, mutation) => mutation.ApplyTo(text, others));
    }

    public override string ToString() => $"{FileName} with {string.Join(", ", Mutations)}";
}
