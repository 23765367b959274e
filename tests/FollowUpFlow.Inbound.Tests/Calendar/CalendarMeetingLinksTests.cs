using FollowUpFlow.Inbound.Calendar;

namespace FollowUpFlow.Inbound.Tests.Calendar;

/// <summary>Teams, Zoom, Google Meet and Webex links, wherever an invitation hides them.</summary>
public sealed class CalendarMeetingLinksTests
{
    private const string Teams = "https://teams.microsoft.com/l/meetup-join/19%3ameeting_NzQ5%40thread.v2/0?context=%7b%22Tid%22%3a%22f00%22%7d";
    private const string Zoom = "https://acme.zoom.us/j/81234567890?pwd=AbCd";
    private const string Meet = "https://meet.google.com/abc-defg-hij";
    private const string Webex = "https://acme.webex.com/acme/j.php?MTID=m1234";

    [Theory]
    [InlineData(Teams)]
    [InlineData("https://teams.live.com/meet/9876543210?p=abc")]
    [InlineData("https://teams.microsoft.com/meet/2345678901?p=xyz")]
    [InlineData(Zoom)]
    [InlineData("https://zoom.us/j/81234567890")]
    [InlineData("https://us02web.zoom.us/my/rita.gomez")]
    [InlineData("https://acme.zoom.us/w/81234567890?tk=x")]
    [InlineData(Meet)]
    [InlineData("https://meet.google.com/abc-defg-hij?authuser=0")]
    [InlineData(Webex)]
    [InlineData("https://meetingsemea.webex.com/meet/rgomez")]
    [InlineData("http://acme.zoom.us/j/123")]
    public void Each_kind_of_meeting_link_is_found_in_text(string url)
    {
        Assert.Equal(url, CalendarMeetingLinks.FindIn($"Hello,\nplease join here: {url}\nThanks"));
    }

    [Theory]
    [InlineData("Join: https://acme.zoom.us/j/123.", "https://acme.zoom.us/j/123")]
    [InlineData("(see https://acme.zoom.us/j/123)", "https://acme.zoom.us/j/123")]
    [InlineData("Join the meeting<https://acme.zoom.us/j/123>", "https://acme.zoom.us/j/123")]
    [InlineData("<https://meet.google.com/abc-defg-hij>,", "https://meet.google.com/abc-defg-hij")]
    [InlineData("\"https://acme.zoom.us/j/123\"", "https://acme.zoom.us/j/123")]
    [InlineData("https://acme.zoom.us/j/123?pwd=x!?", "https://acme.zoom.us/j/123?pwd=x")]
    [InlineData("https://acme.webex.com/meet/(rita)", "https://acme.webex.com/meet/(rita)")]
    public void Trailing_punctuation_and_wrappers_are_trimmed(string text, string url)
    {
        Assert.Equal(url, CalendarMeetingLinks.FindIn(text));
    }

    [Theory]
    [InlineData("meet.google.com/abc-defg-hij", "https://meet.google.com/abc-defg-hij")]
    [InlineData("Dial in or join at acme.zoom.us/j/123", "https://acme.zoom.us/j/123")]
    public void A_link_written_without_scheme_gets_https(string text, string url)
    {
        Assert.Equal(url, CalendarMeetingLinks.FindIn(text));
    }

    [Theory]
    [InlineData("https://notzoom.us/j/123")]
    [InlineData("https://zoom.us.evil.example/j/123")]
    [InlineData("https://acme.zoom.us/")]
    [InlineData("https://acme.zoom.us/signin")]
    [InlineData("https://meet.google.com/landing")]
    [InlineData("https://meet.google.com/abc-defg-hijk")]
    [InlineData("https://teams.microsoft.com/l/channel/19%3a")]
    [InlineData("https://www.microsoft.com/microsoft-teams/join-a-meeting")]
    [InlineData("https://webex.com/")]
    [InlineData("https://acme.webex.com/")]
    [InlineData("ftp://acme.zoom.us/j/123")]
    [InlineData("See you at the office.")]
    [InlineData("")]
    [InlineData(null)]
    public void Other_links_and_look_alikes_are_not_meeting_links(string? text)
    {
        Assert.Null(CalendarMeetingLinks.FindIn(text));
    }

    [Fact]
    public void The_first_link_in_the_text_wins()
    {
        Assert.Equal(Meet, CalendarMeetingLinks.FindIn($"Primary: {Meet} fallback: {Zoom} or {Teams}"));
    }

    [Fact]
    public void A_teams_link_hidden_in_an_outlook_description_is_found()
    {
        var evt = Ics.ReadEvent(
            "LOCATION:Microsoft Teams Meeting",
            $"DESCRIPTION:\\n________________________________________________________________________________\\nMicrosoft Teams meeting\\nJoin on your computer\\, mobile app or room device\\nClick here to join the meeting<{Teams}>\\nMeeting ID: 123 456 789\\nPasscode: abc\\n");

        Assert.Equal(Teams, CalendarMeetingLinks.FindMeetingUrl(evt));
    }

    [Fact]
    public void A_link_in_an_x_property_is_found()
    {
        var evt = Ics.ReadEvent("SUMMARY:Interview", $"X-GOOGLE-CONFERENCE:{Meet}");

        Assert.Equal(Meet, CalendarMeetingLinks.FindMeetingUrl(evt));
    }

    [Fact]
    public void Properties_are_trusted_in_order_url_conference_x_location_description()
    {
        string[] all = [$"DESCRIPTION:{Webex}", $"LOCATION:{Zoom}", $"X-MICROSOFT-SKYPETEAMSMEETINGURL:{Teams}", $"CONFERENCE;VALUE=URI:{Meet}", "URL:https://acme.zoom.us/j/999"];

        Assert.Equal("https://acme.zoom.us/j/999", CalendarMeetingLinks.FindMeetingUrl(Ics.ReadEvent(all)));
        Assert.Equal(Meet, CalendarMeetingLinks.FindMeetingUrl(Ics.ReadEvent(all[..4])));
        Assert.Equal(Teams, CalendarMeetingLinks.FindMeetingUrl(Ics.ReadEvent(all[..3])));
        Assert.Equal(Zoom, CalendarMeetingLinks.FindMeetingUrl(Ics.ReadEvent(all[..2])));
        Assert.Equal(Webex, CalendarMeetingLinks.FindMeetingUrl(Ics.ReadEvent(all[..1])));
    }

    [Fact]
    public void A_url_that_is_no_meeting_link_gives_way_to_one_that_is()
    {
        var evt = Ics.ReadEvent("URL:https://careers.acme.example/interview/42", $"DESCRIPTION:Join {Zoom}");

        Assert.Equal(Zoom, CalendarMeetingLinks.FindMeetingUrl(evt));
    }

    [Fact]
    public void An_event_without_a_link_has_none()
    {
        Assert.Null(CalendarMeetingLinks.FindMeetingUrl(Ics.ReadEvent("LOCATION:Room 4", "DESCRIPTION:On site.")));
    }
}
