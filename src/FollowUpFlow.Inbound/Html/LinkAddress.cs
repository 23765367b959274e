namespace FollowUpFlow.Inbound.Html;

/// <summary>Writes a link's address after its text when the reader could not see it: "Join the meeting (https://teams...)".</summary>
internal static class LinkAddress
{
    private static readonly string[] AddressPrefixes = ["https://", "http://", "mailto:", "www."];

    public static void Write(string? href, string linkText, PlainTextWriter writer)
    {
        href = href?.Trim();
        if (string.IsNullOrEmpty(href) || href.StartsWith('#') || href.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var shown = href.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) ? href["mailto:".Length..].Split('?')[0] : href;
        if (linkText.Length == 0)
        {
            // An image-only link: only a meeting address is worth a line of its own.
            if (MeetingLinks.IsMeetingLink(href))
            {
                writer.WriteLiteral(shown, spaceBefore: true);
            }

            return;
        }

        if (!string.Equals(Bare(linkText), Bare(shown), StringComparison.OrdinalIgnoreCase))
        {
            writer.WriteLiteral($"({shown})", spaceBefore: true);
        }
    }

    private static string Bare(string url)
    {
        var bare = url.Trim();
        foreach (var prefix in AddressPrefixes)
        {
            if (bare.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                bare = bare[prefix.Length..];
            }
        }

        return bare.TrimEnd('/');
    }
}
