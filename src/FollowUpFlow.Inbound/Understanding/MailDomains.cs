namespace FollowUpFlow.Inbound.Understanding;

/// <summary>What an address's domain says about who sent it: a free mailbox, a hiring tool, or a company.</summary>
internal static class MailDomains
{
    private static readonly HashSet<string> FreeMail = new(StringComparer.OrdinalIgnoreCase)
    {
        "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "msn.com", "yahoo.com", "yahoo.co.uk", "icloud.com", "me.com",
        "mac.com", "aol.com", "proton.me", "protonmail.com", "gmx.de", "gmx.net", "gmx.com", "web.de", "t-online.de", "orange.fr", "free.fr",
        "laposte.net", "sfr.fr", "wanadoo.fr", "mail.com", "fastmail.com", "hey.com", "example.com", "example.org", "example.net",
    };

    // Hiring and scheduling tools send on behalf of companies; their domain says nothing about the company.
    private static readonly string[] HiringTools =
    [
        "greenhouse.io", "greenhouse-mail.io", "lever.co", "hire.lever.co", "myworkday.com", "workday.com", "smartrecruiters.com", "ashbyhq.com",
        "ashby.io", "calendly.com", "goodtime.io", "modernloop.io", "icims.com", "jobvite.com", "taleo.net", "successfactors.com",
        "bamboohr.com", "recruitee.com", "personio.de", "personio.com", "teamtailor.com", "workable.com", "breezy.hr", "jazzhr.com",
        "linkedin.com", "indeed.com", "xing.com", "welcometothejungle.com", "stepstone.de", "hirevue.com", "zoom.us", "google.com",
        "microsoft.com", "teams.microsoft.com", "webex.com", "calendar.google.com", "outlook.office365.com", "sendgrid.net", "mailgun.org",
        "hibob.com", "rippling.com", "gem.com", "beamery.com", "paradox.ai", "coderpad.io", "hackerrank.com", "codility.com",
    ];

    private static readonly string[] NonHumanLocalParts =
    [
        "noreply", "no-reply", "donotreply", "do-not-reply", "notifications", "notification", "notify", "mailer", "calendar", "schedule", "scheduling",
        "scheduler", "jobs", "careers", "recruiting", "recruitment", "talent", "hr", "hiring", "people", "info", "team", "bewerbung", "karriere",
        "recrutement", "candidates", "applications", "support", "invites", "system",
    ];

    public static string? Domain(string? address)
    {
        var at = address?.LastIndexOf('@') ?? -1;
        return at < 0 ? null : address![(at + 1)..].Trim().TrimEnd('.').ToLowerInvariant();
    }

    public static bool IsFreeMail(string? domain) => domain is not null && FreeMail.Contains(domain);

    /// <summary>Whether the domain is a hiring tool's or one of its subdomains: the domain and each parent of it are looked up.</summary>
    public static bool IsHiringTool(string? domain)
    {
        var rest = domain.AsSpan();
        while (!rest.IsEmpty)
        {
            if (HiringToolLookup.Contains(rest))
            {
                return true;
            }

            var dot = rest.IndexOf('.');
            rest = dot < 0 ? [] : rest[(dot + 1)..];
        }

        return false;
    }

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> HiringToolLookup =
        new HashSet<string>(HiringTools, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The company a domain belongs to, e.g. "contoso.com" → "contoso", "mail.fabrikam.co.uk" → "fabrikam"; a hiring tool's company subdomain ("contoso.myworkday.com") counts too.</summary>
    public static string? CompanyLabel(string? address)
    {
        var domain = Domain(address);
        if (domain is null || IsFreeMail(domain))
        {
            return null;
        }

        var labels = domain.Split('.');
        if (IsHiringTool(domain))
        {
            // Some tools send from the company's account name: woodgrove@myworkday.com.
            var local = address![..address!.LastIndexOf('@')].ToLowerInvariant();
            if (labels.Length == 2 && local.Length > 2 && IsHumanAddress(address) && !local.Contains('.', StringComparison.Ordinal))
            {
                return local;
            }

            // contoso.myworkday.com / contoso.greenhouse.io: the first label is the company's account, unless it is the tool's own mail host.
            return labels.Length >= 3 && !NonHumanLocalParts.Contains(labels[0]) && labels[0] is not ("mail" or "email" or "app" or "www" or "us" or "eu" or "hire" or "jobs" or "wd1" or "wd3" or "wd5")
                ? labels[0]
                : null;
        }

        // Drop the public suffix: the last label, or the last two for "co.uk", "com.au" and the like.
        var end = labels.Length - 1;
        if (labels.Length >= 3 && labels[^2] is "co" or "com" or "org" or "net" or "ac" or "gov")
        {
            end--;
        }

        return end >= 1 ? labels[end - 1] : null;
    }

    public static bool IsHumanAddress(string? address)
    {
        var at = address?.IndexOf('@') ?? -1;
        if (at <= 0)
        {
            return false;
        }

        var local = address![..at].ToLowerInvariant();
        return !NonHumanLocalParts.Any(part => local.StartsWith(part, StringComparison.Ordinal) && (local.Length == part.Length || local[part.Length] is '+' or '.' or '-'))
            && !local.Contains("noreply", StringComparison.Ordinal) && !local.Contains("no-reply", StringComparison.Ordinal);
    }
}
