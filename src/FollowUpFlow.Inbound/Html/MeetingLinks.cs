namespace FollowUpFlow.Inbound.Html;

/// <summary>Addresses of online meetings (Teams, Zoom, Meet, Webex and the like), also when wrapped by a link scanner.</summary>
internal static class MeetingLinks
{
    private static readonly string[] Hosts =
    [
        "teams.microsoft.com", "teams.live.com", "zoom.us", "zoomgov.com", "meet.google.com", "webex.com",
        "gotomeeting.com", "meet.goto.com", "whereby.com", "chime.aws", "bluejeans.com", "join.skype.com",
    ];

    public static bool IsMeetingLink(string url)
    {
        foreach (var host in Hosts)
        {
            if (url.Contains(host, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
