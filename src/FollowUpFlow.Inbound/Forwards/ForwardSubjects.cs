namespace FollowUpFlow.Inbound.Forwards;

/// <summary>Subject prefixes mail programs add when forwarding or replying, in the languages we read.</summary>
public static class ForwardSubjects
{
    private static readonly string[] ForwardPrefixes = ["fwd:", "fw:", "wg:", "tr:", "rv:", "fwd :", "tr :"];
    private static readonly string[] AllPrefixes = [.. ForwardPrefixes, "re:", "aw:", "sv:", "réf :", "re :", "antw:"];

    public static bool HasForwardPrefix(string? subject)
    {
        var trimmed = subject?.TrimStart() ?? "";
        return ForwardPrefixes.Any(p => trimmed.StartsWith(p, StringComparison.OrdinalIgnoreCase))
            || trimmed.StartsWith("[fwd", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The subject without any stack of "Re:", "Fwd:", "WG:", "[Fwd: …]" prefixes.</summary>
    public static string Strip(string? subject)
    {
        var text = (subject ?? "").Trim();
        var changed = true;
        while (changed)
        {
            changed = false;
            foreach (var prefix in AllPrefixes)
            {
                if (text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                {
                    text = text[prefix.Length..].TrimStart();
                    changed = true;
                }
            }

            if (text.StartsWith("[fwd:", StringComparison.OrdinalIgnoreCase) && text.EndsWith(']'))
            {
                text = text[5..^1].Trim();
                changed = true;
            }
        }

        return text;
    }
}
