using FollowUpFlow.Inbound.Calendar;

namespace FollowUpFlow.Inbound.Tests.Calendar;

/// <summary>Content lines (RFC 5545 3.1): folding, line ends, parameters, escapes, and the damage real files carry.</summary>
public sealed class ICalendarSyntaxTests
{
    [Theory]
    [InlineData("\r\n ")]
    [InlineData("\r\n\t")]
    [InlineData("\n ")]
    [InlineData("\r ")]
    public void Folded_lines_are_joined_without_the_fold(string fold)
    {
        var text = $"BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:Technical inter{fold}view with{fold} the team\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

        Assert.Equal("Technical interview with the team", Assert.Single(ICalendarReader.Parse(text).Events).Summary);
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\n")]
    [InlineData("\r")]
    public void Any_line_ending_is_read(string newline)
    {
        var text = string.Join(newline, "BEGIN:VCALENDAR", "METHOD:REQUEST", "BEGIN:VEVENT", "UID:1", "SUMMARY:Interview", "END:VEVENT", "END:VCALENDAR");

        var document = ICalendarReader.Parse(text);

        Assert.Equal("REQUEST", document.Method);
        Assert.Equal("Interview", Assert.Single(document.Events).Summary);
        Assert.Empty(document.Problems);
    }

    [Fact]
    public void A_byte_order_mark_is_skipped()
    {
        var document = ICalendarReader.Parse("\uFEFF" + Ics.Event("UID:bom-1"));

        Assert.Equal("bom-1", Assert.Single(document.Events).Uid);
        Assert.Empty(document.Problems);
    }

    [Fact]
    public void Names_are_case_insensitive()
    {
        var document = ICalendarReader.Parse("begin:vcalendar\nmethod:publish\nBegin:VEvent\nuid:lower-1\nsummary:Lower case\nend:vevent\nend:vcalendar\n");

        Assert.Equal("PUBLISH", document.Method);
        var evt = Assert.Single(document.Events);
        Assert.Equal("lower-1", evt.Uid);
        Assert.Equal("Lower case", evt.Summary);
    }

    [Fact]
    public void Quoted_parameter_values_may_hold_semicolons_colons_and_commas()
    {
        var evt = Ics.ReadEvent("ATTENDEE;CN=\"Doe, Jane; PhD: Hiring\";DELEGATED-FROM=\"mailto:a@x.example\",\"mailto:b@x.example\";ROLE=CHAIR:mailto:jane@x.example");

        var attendee = Assert.Single(evt.Attendees);
        Assert.Equal("Doe, Jane; PhD: Hiring", attendee.Name);
        Assert.Equal("jane@x.example", attendee.Email);
        var property = evt.Properties.Single(p => p.Name == "ATTENDEE");
        Assert.Equal("mailto:a@x.example,mailto:b@x.example", property.Parameters["DELEGATED-FROM"]);
        Assert.Equal("CHAIR", property.Parameters["role"]);
    }

    [Fact]
    public void A_colon_in_the_value_belongs_to_the_value()
    {
        Assert.Equal("Interview: round 2 at 10:30", Ics.ReadEvent("SUMMARY:Interview: round 2 at 10:30").Summary);
    }

    [Fact]
    public void Text_escapes_are_undone()
    {
        var evt = Ics.ReadEvent(@"DESCRIPTION:Line one\nLine two\NLine three\, with comma\; semicolon \\ backslash \x kept");

        Assert.Equal("Line one\nLine two\nLine three, with comma; semicolon \\ backslash \\x kept", evt.Description);
    }

    [Fact]
    public void Parameter_values_use_rfc_6868_caret_encoding()
    {
        var evt = Ics.ReadEvent("ATTENDEE;CN=George Herman ^'Babe^' Ruth^nJr ^^:mailto:babe@example.com");

        Assert.Equal("George Herman \"Babe\" Ruth\nJr ^", Assert.Single(evt.Attendees).Name);
    }

    [Fact]
    public void Lines_without_a_colon_are_reported_and_skipped()
    {
        var document = ICalendarReader.Parse(Ics.Event("UID:junk-1", "this line is junk", "SUMMARY:Still read", ":no name"));

        var evt = Assert.Single(document.Events);
        Assert.Equal("junk-1", evt.Uid);
        Assert.Equal("Still read", evt.Summary);
        Assert.Equal(2, document.Problems.Count(p => p.Contains("not a content line", StringComparison.Ordinal)));
    }

    [Fact]
    public void An_unterminated_quote_is_read_as_text()
    {
        var document = ICalendarReader.Parse(Ics.Event("ORGANIZER;CN=\"Rita Recruiter:mailto:rita@acme.example", "UID:quote-1"));

        var evt = Assert.Single(document.Events);
        Assert.Equal("quote-1", evt.Uid);
        Assert.Contains(document.Problems, p => p.Contains("unterminated quoted", StringComparison.Ordinal));
    }

    [Fact]
    public void Missing_end_lines_are_reported_and_the_event_kept()
    {
        var document = ICalendarReader.Parse("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:open-1\r\nSUMMARY:Never closed\r\n");

        Assert.Equal("open-1", Assert.Single(document.Events).Uid);
        Assert.Contains("Missing END:VEVENT.", document.Problems);
        Assert.Contains("Missing END:VCALENDAR.", document.Problems);
    }

    [Fact]
    public void A_second_begin_vevent_closes_the_first()
    {
        var document = ICalendarReader.Parse(Ics.Calendar("BEGIN:VEVENT", "UID:first", "BEGIN:VEVENT", "UID:second", "END:VEVENT"));

        Assert.Equal(["first", "second"], document.Events.Select(e => e.Uid));
        Assert.Contains(document.Problems, p => p.Contains("Missing END:VEVENT before BEGIN:VEVENT", StringComparison.Ordinal));
    }

    [Fact]
    public void Mismatched_end_lines_close_what_they_name_and_unknown_ones_are_ignored()
    {
        var document = ICalendarReader.Parse(Ics.Calendar("BEGIN:VEVENT", "UID:a", "BEGIN:X-THING", "END:VTODO", "SUMMARY:after stray END", "END:VEVENT", "BEGIN:VEVENT", "UID:b", "END:VEVENT"));

        Assert.Equal(["a", "b"], document.Events.Select(e => e.Uid));
        Assert.Contains(document.Problems, p => p.Contains("END:VTODO without a matching BEGIN", StringComparison.Ordinal));
        Assert.Contains(document.Problems, p => p.Contains("Missing END:X-THING before END:VEVENT", StringComparison.Ordinal));
    }

    [Fact]
    public void An_alarm_inside_an_event_neither_ends_it_nor_lends_it_properties()
    {
        var evt = Ics.ReadEvent(
            "UID:alarm-1",
            "SUMMARY:Interview",
            "BEGIN:VALARM",
            "ACTION:DISPLAY",
            "DESCRIPTION:Reminder",
            "TRIGGER:-PT15M",
            "SUMMARY:Alarm summary",
            "END:VALARM",
            "LOCATION:Room 4");

        Assert.Equal("Interview", evt.Summary);
        Assert.Null(evt.Description);
        Assert.Equal("Room 4", evt.Location);
        Assert.DoesNotContain(evt.Properties, p => p.Name is "ACTION" or "TRIGGER");
    }

    [Theory]
    [InlineData("REQUEST")]
    [InlineData("CANCEL")]
    [InlineData("PUBLISH")]
    [InlineData("REPLY")]
    [InlineData("COUNTER")]
    public void The_calendar_method_is_read_in_upper_case(string method)
    {
        Assert.Equal(method, ICalendarReader.Parse(Ics.Calendar($"METHOD:{method.ToLowerInvariant()}")).Method);
    }

    [Fact]
    public void Only_the_calendars_own_method_counts()
    {
        var document = ICalendarReader.Parse(Ics.Event("METHOD:CANCEL", "UID:1"));

        Assert.Null(document.Method);
    }

    [Fact]
    public void Every_event_is_read_in_order_even_from_several_calendars()
    {
        var document = ICalendarReader.Parse(Ics.Event("UID:one") + Ics.Event("UID:two"));

        Assert.Equal(["one", "two"], document.Events.Select(e => e.Uid));
    }

    [Theory]
    [InlineData("")]
    [InlineData("\r\n\r\n")]
    [InlineData("not a calendar at all")]
    [InlineData("END:VCALENDAR")]
    [InlineData(":")]
    [InlineData(";;;:")]
    [InlineData("BEGIN:")]
    public void Text_that_is_no_calendar_gives_an_empty_document(string text)
    {
        var document = ICalendarReader.Parse(text);

        Assert.Empty(document.Events);
        Assert.Null(document.Method);
    }

    [Fact]
    public void Null_text_gives_an_empty_document()
    {
        Assert.Empty(ICalendarReader.Parse(null!).Events);
    }
}
