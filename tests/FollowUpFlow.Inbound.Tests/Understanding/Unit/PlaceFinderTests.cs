using FollowUpFlow.Inbound.Tests.Calendar;
using FollowUpFlow.Inbound.Understanding;

namespace FollowUpFlow.Inbound.Tests.Understanding.Unit;

/// <summary>Where the interview is: a meeting link and a physical place, from the calendar, the body, or the quoted text.</summary>
public sealed class PlaceFinderTests
{
    [Theory]
    [InlineData("Join here: https://contoso.zoom.us/j/123456789?pwd=abc.", "https://contoso.zoom.us/j/123456789?pwd=abc")]
    [InlineData("Microsoft Teams meeting\nJoin: https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0", "https://teams.microsoft.com/l/meetup-join/19%3ameeting_abc%40thread.v2/0")]
    [InlineData("Google Meet: meet.google.com/abc-defg-hij", "https://meet.google.com/abc-defg-hij")]
    [InlineData("Webex (https://contoso.webex.com/meet/priya)", "https://contoso.webex.com/meet/priya")]
    public void Finds_the_meeting_link_in_the_body(string body, string expected)
    {
        var (url, confidence, _, _) = PlaceFinder.Find(null, body, "");

        Assert.Equal(expected, url);
        Assert.Equal(0.9, confidence);
    }

    [Fact]
    public void The_calendars_link_comes_first()
    {
        var invitation = Ics.ReadEvent(
            "DTSTART:20261218T210000Z",
            "X-MICROSOFT-SKYPETEAMSMEETINGURL:https://teams.microsoft.com/l/meetup-join/19%3ameeting_cal%40thread.v2/0");

        var (url, _, _, _) = PlaceFinder.Find(invitation, "Or use https://zoom.us/j/555", "");

        Assert.Equal("https://teams.microsoft.com/l/meetup-join/19%3ameeting_cal%40thread.v2/0", url);
    }

    [Fact]
    public void Quoted_text_gives_the_link_only_when_the_message_has_none()
    {
        const string Quoted = "> Join: https://zoom.us/j/111";

        Assert.Equal("https://zoom.us/j/111", PlaceFinder.Find(null, "Same link as before.", Quoted).MeetingUrl);
        Assert.Equal("https://zoom.us/j/222", PlaceFinder.Find(null, "New link: https://zoom.us/j/222", Quoted).MeetingUrl);
    }

    [Theory]
    [InlineData("Location: Contoso HQ, 1 Main St, Seattle, WA 98101", "Contoso HQ, 1 Main St, Seattle, WA 98101")]
    [InlineData("Where: Building 4, Floor 2.", "Building 4, Floor 2")]
    [InlineData("Address: Contoso HQ\n1 Main St, Seattle, WA 98101", "Contoso HQ, 1 Main St, Seattle, WA 98101")]
    [InlineData("Ort: Isarbrücke Versicherung, Leopoldstraße 12\n80802 München", "Isarbrücke Versicherung, Leopoldstraße 12, 80802 München")]
    [InlineData("Adresse: Elbchaussee 8, 22763 Hamburg", "Elbchaussee 8, 22763 Hamburg")]
    [InlineData("Lieu : 12 rue de la Paix, 75002 Paris", "12 rue de la Paix, 75002 Paris")]
    [InlineData("  • Location: Contoso HQ", "Contoso HQ")]
    [InlineData("Location: Microsoft Teams meeting\nAddress: 1 Main St, Seattle", "1 Main St, Seattle")]
    public void Reads_a_labelled_place(string body, string expected)
    {
        var (_, _, location, confidence) = PlaceFinder.Find(null, body, "");

        Assert.Equal(expected, location);
        Assert.Equal(0.75, confidence);
    }

    [Fact]
    public void A_sentence_under_the_place_is_not_part_of_it()
    {
        var (_, _, location, _) = PlaceFinder.Find(null, "Location: Contoso HQ, 1 Main St, Seattle\nPlease arrive 10 minutes early.", "");

        Assert.Equal("Contoso HQ, 1 Main St, Seattle", location);
    }

    [Theory]
    [InlineData("Location: Microsoft Teams meeting")]
    [InlineData("Location: Zoom (link below)")]
    [InlineData("Where: Phone call, we will call you")]
    [InlineData("Ort: Videokonferenz")]
    [InlineData("Lieu : visio (lien ci-dessous)")]
    [InlineData("Location: Online")]
    [InlineData("Location: https://zoom.us/j/123")]
    [InlineData("Location: TBD")]
    [InlineData("Please come to our office on Tuesday.")]
    public void Video_words_are_not_a_place(string body)
    {
        var (_, _, location, confidence) = PlaceFinder.Find(null, body, "");

        Assert.Null(location);
        Assert.Equal(0.6, confidence);
    }

    [Fact]
    public void A_calendar_place_is_trusted_most()
    {
        var invitation = Ics.ReadEvent("DTSTART:20261218T210000Z", "LOCATION:Contoso HQ\\, Conf Room 4B");

        var (_, _, location, confidence) = PlaceFinder.Find(invitation, "Location: somewhere else entirely", "");

        Assert.Equal("Contoso HQ, Conf Room 4B", location);
        Assert.Equal(0.9, confidence);
    }

    [Fact]
    public void A_virtual_calendar_place_gives_way_to_the_body()
    {
        var invitation = Ics.ReadEvent("DTSTART:20261218T210000Z", "LOCATION:Microsoft Teams Meeting");

        var (_, _, location, _) = PlaceFinder.Find(invitation, "Location: Contoso HQ, 1 Main St", "");

        Assert.Equal("Contoso HQ, 1 Main St", location);
    }

    [Fact]
    public void No_link_and_no_place_is_said_with_middling_confidence()
    {
        var (url, urlConfidence, location, locationConfidence) = PlaceFinder.Find(null, "See you Tuesday.", "");

        Assert.Equal((null, 0.6, null, 0.6), (url, urlConfidence, location, locationConfidence));
    }
}
