using FollowUpFlow.Inbound.Calendar;

namespace FollowUpFlow.Inbound.Tests.Calendar;

/// <summary>The event's own properties: identity, text, people, status, and everything kept as read.</summary>
public sealed class ICalendarEventTests
{
    [Fact]
    public void A_cancellation_carries_method_sequence_and_status()
    {
        var document = ICalendarReader.Parse(Ics.Calendar(
            "METHOD:CANCEL",
            "BEGIN:VEVENT",
            "UID:040000008200E00074C5B7101A82E008000000001",
            "SEQUENCE:3",
            "STATUS:cancelled",
            "SUMMARY:Canceled: Interview with Acme",
            "DTSTART:20250715T080000Z",
            "END:VEVENT"));

        Assert.Equal("CANCEL", document.Method);
        var evt = Assert.Single(document.Events);
        Assert.Equal("040000008200E00074C5B7101A82E008000000001", evt.Uid);
        Assert.Equal(3, evt.Sequence);
        Assert.Equal("CANCELLED", evt.Status);
        Assert.Equal("Canceled: Interview with Acme", evt.Summary);
    }

    [Theory]
    [InlineData("2", 2)]
    [InlineData(" 4 ", 4)]
    [InlineData("+1", 1)]
    [InlineData("007", 7)]
    [InlineData("5;junk", 5)]
    public void Sequence_is_read_tolerantly(string value, int sequence)
    {
        Assert.Equal(sequence, Ics.ReadEvent($"SEQUENCE:{value}").Sequence);
    }

    [Theory]
    [InlineData("x")]
    [InlineData("")]
    [InlineData("99999999999")]
    public void An_unreadable_sequence_is_left_out_with_a_problem(string value)
    {
        var document = ICalendarReader.Parse(Ics.Event($"SEQUENCE:{value}"));

        Assert.Null(Assert.Single(document.Events).Sequence);
        Assert.Contains(document.Problems, p => p.StartsWith("SEQUENCE", StringComparison.Ordinal));
    }

    [Fact]
    public void Escaped_commas_and_semicolons_in_location_are_unescaped()
    {
        var evt = Ics.ReadEvent(@"LOCATION:Acme HQ\, Room 4.12\; Building B\, 1 Main St");

        Assert.Equal("Acme HQ, Room 4.12; Building B, 1 Main St", evt.Location);
    }

    [Fact]
    public void Organizer_and_attendees_are_read_with_name_role_and_status()
    {
        var evt = Ics.ReadEvent(
            "ORGANIZER;CN=\"Gomez, Rita\":MAILTO:rita.gomez@acme.example",
            "ATTENDEE;CN=\"Chan, Lee\";ROLE=req-participant;PARTSTAT=accepted;RSVP=TRUE:mailto:lee@acme.example",
            "ATTENDEE;ROLE=OPT-PARTICIPANT;PARTSTAT=Needs-Action:sam@candidate.example",
            "ATTENDEE;CN=Room 4;CUTYPE=ROOM;EMAIL=room4@acme.example:urn:uuid:00000000-0000-0000-0000-000000000004");

        Assert.Equal(new CalendarPerson("Gomez, Rita", "rita.gomez@acme.example", null, null), evt.Organizer);
        Assert.Equal(
            [
                new CalendarPerson("Chan, Lee", "lee@acme.example", "REQ-PARTICIPANT", "ACCEPTED"),
                new CalendarPerson(null, "sam@candidate.example", "OPT-PARTICIPANT", "NEEDS-ACTION"),
                new CalendarPerson("Room 4", "room4@acme.example", null, null),
            ],
            evt.Attendees.AsEnumerable());
    }

    [Theory]
    [InlineData("mailto:a@x.example", "a@x.example")]
    [InlineData("MAILTO:a@x.example", "a@x.example")]
    [InlineData("MailTo: a@x.example ", "a@x.example")]
    [InlineData("mailto:<a@x.example>", "a@x.example")]
    [InlineData("a@x.example", "a@x.example")]
    [InlineData("urn:uuid:1234", null)]
    [InlineData("invalid:nomail", null)]
    [InlineData("mailto:", null)]
    public void The_address_is_taken_from_mailto_in_any_case_or_a_bare_address(string value, string? email)
    {
        Assert.Equal(email, Ics.ReadEvent($"ORGANIZER;CN=Rita:{value}").Organizer!.Email);
    }

    [Fact]
    public void An_escaped_comma_in_a_name_is_unescaped()
    {
        Assert.Equal("Doe, John", Ics.ReadEvent(@"ORGANIZER;CN=Doe\, John:mailto:john@x.example").Organizer!.Name);
    }

    [Fact]
    public void Every_property_is_kept_with_its_parameters_and_unescaped_value()
    {
        var evt = Ics.ReadEvent(
            "UID:keep-1",
            "X-MICROSOFT-SKYPETEAMSMEETINGURL:https://teams.microsoft.com/l/meetup-join/19%3ameeting_x%40thread.v2/0",
            "X-MICROSOFT-ONLINEMEETINGCONFLINK:conf:sip:rita@acme.example\\;gruu\\;opaque=app:conf:focus:id:ABC",
            "CONFERENCE;VALUE=URI;FEATURE=VIDEO;LABEL=\"Join, now\":https://meet.google.com/abc-defg-hij",
            "X-GOOGLE-CONFERENCE:https://meet.google.com/abc-defg-hij");

        Assert.Equal(
            ["UID", "X-MICROSOFT-SKYPETEAMSMEETINGURL", "X-MICROSOFT-ONLINEMEETINGCONFLINK", "CONFERENCE", "X-GOOGLE-CONFERENCE"],
            evt.Properties.Select(p => p.Name));
        Assert.Equal("conf:sip:rita@acme.example;gruu;opaque=app:conf:focus:id:ABC", evt.Properties[2].Value);
        var conference = evt.Properties[3];
        Assert.Equal("VIDEO", conference.Parameters["FEATURE"]);
        Assert.Equal("Join, now", conference.Parameters["LABEL"]);
        Assert.Equal("https://meet.google.com/abc-defg-hij", conference.Value);
    }

    [Fact]
    public void Text_properties_are_read()
    {
        var evt = Ics.ReadEvent(
            "SUMMARY:Interview",
            "DESCRIPTION:Bring your portfolio.\\nAsk for Rita.",
            "LOCATION:Room 4",
            "URL: https://acme.example/interviews/42 ",
            "STATUS:CONFIRMED");

        Assert.Equal("Interview", evt.Summary);
        Assert.Equal("Bring your portfolio.\nAsk for Rita.", evt.Description);
        Assert.Equal("Room 4", evt.Location);
        Assert.Equal("https://acme.example/interviews/42", evt.Url);
        Assert.Equal("CONFIRMED", evt.Status);
    }

    [Fact]
    public void The_first_of_a_repeated_single_valued_property_wins()
    {
        var evt = Ics.ReadEvent("SUMMARY:First", "SUMMARY:Second", "UID:a", "UID:b");

        Assert.Equal("First", evt.Summary);
        Assert.Equal("a", evt.Uid);
        Assert.Equal(4, evt.Properties.Length);
    }
}
