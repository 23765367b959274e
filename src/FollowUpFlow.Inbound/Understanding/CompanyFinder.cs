using FollowUpFlow.Inbound.Understanding.Dates;
using System.Buffers;
using System.Text.RegularExpressions;

namespace FollowUpFlow.Inbound.Understanding;

/// <summary>
/// Finds the hiring company from what the email says ("interview at X", "bei X", "chez X", "X Recruiting",
/// "our client X") and from who sent it (the sender's domain, a hiring tool's company subdomain). Text that
/// agrees with a domain is trusted most; an agency's client wins over the agency.
/// </summary>
internal static class CompanyFinder
{
    // A name starts where a word starts (never inside a long token such as base64), and no word of it is longer than
    // 40 characters: both keep the backtracking engine linear on any input.
    private const string NameWord = @"(?<![\w&'’.+-])[A-Z0-9][\w&'’.+-]{0,40}";
    private const string Name = @"(?<name>" + NameWord + @"(?:[ ](?:" + NameWord + @"|&|of|and|for|de|la|du|des)){0,3})";

    // Each pattern starts at its rarest part, because the engine tries a match wherever its first part occurs: a name
    // followed by "GmbH" is found at the "GmbH" and read backwards from there (a lookbehind, which also captures), and
    // "interview at X" starts at " at " and looks back for "interview". Starting at every capital letter cost ten times as much.
    private const string LegalForm = "(?:GmbH|AG|SE|Ltd|Limited|Inc|LLC|plc|SAS|SARL|SA|BV|KG)";
    private const string HiringDepartment = "(?:Talent Acquisition|Talent Team|Recruiting|Recruitment|Recruiting Team|Careers|People Team|HR|Hiring Team|Karriere|Personalabteilung|Recrutement)";
    private const string TeamWord = "(?i:team|hiring team|recruiting team)";

    private static readonly (Regex Pattern, double Weight)[] Patterns =
    [
        (SafeRegex.Create(@"(?i:our|my|unser(?:em|en|e)?|notre|mon) (?i:client|customer|kunden?)[, :]+" + Name), 8),
        (SafeRegex.Create(LegalForm + @"\b(?<=" + Name + @"\s" + LegalForm + ")"), 3),
        (SafeRegex.Create(@"(?:,|(?<=\s)[|–—·-])\s" + Name + @"\s*$", RegexOptions.Multiline), 1.5),
        (SafeRegex.Create(@"(?i:on behalf of|im auftrag (?:von|unseres kunden)|pour le compte de) " + Name), 8),
        (SafeRegex.Create(@" (?:at|with) (?<=(?i:interview|interviewing|position|role|opening|opportunity|career|careers|job|team|onsite|on-site|visit|office|offices|offer|journey|process|time|hiring process)s? (?:at|with) )" + Name), 3),
        (SafeRegex.Create(@"(?i:interest in|applying to|applied to|apply to|application to|application with|join|joining|welcome to|work at|working at|work for|hiring at)\s+(?:the\s+)?" + Name), 2.5),
        (SafeRegex.Create(HiringDepartment + @"\b(?<=" + Name + @"(?:'s)?\s" + HiringDepartment + ")"), 3),
        (SafeRegex.Create(TeamWord + @"\b(?<=(?i:the|das|l'équipe|l'equipe|team von|équipe de|equipe de)\s+" + Name + @"\s" + TeamWord + ")"), 2),
        (SafeRegex.Create(@"(?:bei|chez|au sein de|rejoindre|bei der|bei den) " + Name), 3),
        (SafeRegex.Create(@"(?i:company|firma|unternehmen|entreprise|société|societe|employer)\s*:\s*" + Name), 4),
        (SafeRegex.Create(@"(?:Interview|Entretien|Vorstellungsgespräch|Gespräch)\s(?:with|bei|avec|mit)\s" + Name), 1.5),
        (SafeRegex.Create(@"\s[|–—-]\s" + Name + @"\s*$", RegexOptions.Multiline), 1),
        (SafeRegex.Create(@"\b(?:at|@)\s" + Name + @"\s*$", RegexOptions.Multiline), 1),
    ];

    // Words that look like names at the start of a sentence but are not companies.
    private static readonly HashSet<string> NotCompanies = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "our", "your", "us", "we", "you", "me", "a", "an", "this", "that", "it", "them", "him", "her", "uns", "ihnen", "vous", "nous",
        "interview", "team", "the team", "recruiting", "hr", "zoom", "teams", "microsoft teams", "google meet", "webex", "calendar", "monday", "tuesday",
        "wednesday", "thursday", "friday", "saturday", "sunday", "pm", "am", "noon", "least", "all", "hiring", "today", "tomorrow", "next",
        "dem", "der", "die", "den", "le", "la", "les", "l", "un", "une", "einem", "einer", "ein", "i", "hi", "hello", "dear", "best", "regards",
        "linkedin", "greenhouse", "lever", "workday", "calendly", "goodtime", "indeed", "glassdoor", "ashby", "smartrecruiters", "ihr", "ihre",
        "unser", "unsere", "early", "senior", "junior", "votre", "notre", "paris", "berlin", "london", "munich", "munchen", "hamburg", "new york", "seattle",
    };

    public sealed record Evidence(string Subject, string Body, IReadOnlyList<string> SenderAddresses, IReadOnlyList<string> SenderNames, IReadOnlyCollection<string> PersonNames);

    public static (string? Name, double Confidence) Find(Evidence evidence)
    {
        var scores = new Dictionary<string, (string Display, double Score)>();
        var senderLabels = evidence.SenderAddresses.Select(MailDomains.CompanyLabel).ToList();
        var domainLabels = senderLabels.Where(l => l is not null).Select(l => l!).ToList();
        var originalLabel = senderLabels.Count > 0 ? senderLabels[0] : null;

        void Add(string display, double weight)
        {
            display = Clean(display);
            var key = CompanyNames.Normalise(display);
            if (key.Length < 2 || !char.IsLetter(display[0]) || NotCompanies.Contains(display) || NotCompanies.Contains(key) || IsPerson(display, evidence.PersonNames) || IsJobTitle(display))
            {
                return;
            }

            var current = scores.GetValueOrDefault(key);
            var better = current.Display is null || (display.Length < current.Display.Length && display.Any(char.IsUpper)) ? display : current.Display;
            scores[key] = (better, current.Score + weight);
        }

        foreach (var (pattern, weight) in Patterns)
        {
            foreach (var text in new[] { evidence.Subject, evidence.Body })
            {
                var factor = ReferenceEquals(text, evidence.Subject) ? 1.2 : 1.0;
                foreach (var match in SafeRegex.Matches(pattern, text))
                {
                    foreach (var candidate in Prefixes(match.Groups["name"].Value))
                    {
                        Add(candidate, weight * factor);
                    }
                }
            }
        }

        foreach (var senderName in evidence.SenderNames)
        {
            var team = SafeRegex.First(TeamName, senderName);
            if (team is not null)
            {
                Add(team.Groups["name"].Value, 3);
            }

            var via = SafeRegex.First(ViaName, senderName);
            if (via is not null)
            {
                Add(via.Groups["name"].Value, 3);
            }
        }

        // A domain confirms text that names the same company; alone it is a weaker clue.
        foreach (var rawLabel in domainLabels.Distinct())
        {
            var label = rawLabel.Replace("-", "", StringComparison.Ordinal);
            if (label.Length == 0)
            {
                continue; // a domain of hyphens names no company
            }

            var boost = rawLabel == originalLabel ? 4.0 : 2.0;
            var fullSpelling = SpellingOf(label, [evidence.Subject, evidence.Body, .. evidence.SenderNames]);
            if (fullSpelling is not null)
            {
                Add(fullSpelling, boost + 1);
            }

            var matched = fullSpelling is not null;
            foreach (var key in scores.Keys.ToList())
            {
                var spelled = Transliterated(scores[key].Display);
                var compact = key.Replace(" ", "", StringComparison.Ordinal);
                if (compact == label || compact.StartsWith(label, StringComparison.Ordinal) || label.StartsWith(compact, StringComparison.Ordinal)
                    || spelled.StartsWith(label, StringComparison.Ordinal) || (spelled.Length > 2 && label.StartsWith(spelled, StringComparison.Ordinal)))
                {
                    scores[key] = (scores[key].Display, scores[key].Score + (compact == label ? boost : 1));
                    matched = true;
                }
            }

            if (!matched)
            {
                Add(FromLabel(rawLabel), boost * 0.6);
            }
        }

        if (scores.Count == 0)
        {
            return (null, 0);
        }

        // "Kestrel" and "Kestrel Analytics" are one company: the fuller name collects the shorter one's evidence.
        foreach (var shorter in scores.Keys.ToList())
        {
            var longer = scores.Keys
                .Where(k => k != shorter && k.StartsWith(shorter + " ", StringComparison.Ordinal) && scores[k].Score >= 2 && !IsTeamWord(k[(k.LastIndexOf(' ') + 1)..]))
                .OrderByDescending(k => scores[k].Score)
                .FirstOrDefault();
            if (longer is not null && scores.Remove(shorter, out var merged))
            {
                scores[longer] = (scores[longer].Display, scores[longer].Score + merged.Score);
            }
        }

        var ranked = scores.Values.Select(v => IsAgency(v.Display) ? (v.Display, Score: v.Score * 0.5) : v).OrderByDescending(v => v.Score).ToList();
        var best = ranked[0];
        var runnerUp = ranked.Count > 1 ? ranked[1].Score : 0;
        var confidence = Math.Clamp(0.35 + (best.Score * 0.06) + ((best.Score - runnerUp) * 0.04), 0.3, 0.97);
        return (best.Display, confidence);
    }

    /// <summary>
    /// How the text spells the company a domain names: "wideworldimporters" is "Wide World Importers",
    /// "isarbruecke" is "Isarbrücke" (German umlauts are written "ue" in addresses).
    /// </summary>
    private static string? SpellingOf(string label, IEnumerable<string> texts)
    {
        foreach (var text in texts)
        {
            var words = Words(text);
            for (var i = 0; i < words.Count; i++)
            {
                // Only a capitalised word can start the name, and (accents aside) with the label's first letter.
                var first = text[words[i].Start];
                if (!char.IsUpper(first) || (first < 128 && char.ToLowerInvariant(first) != label[0]))
                {
                    continue;
                }

                var plain = "";
                var spelled = "";
                for (var j = i; j < Math.Min(words.Count, i + 5); j++)
                {
                    var word = text[words[j]];
                    plain += Letters(TextFolding.Fold(word));
                    spelled += Transliterated(word);
                    if (plain == label || spelled == label)
                    {
                        return string.Join(' ', words.GetRange(i, j - i + 1).Select(w => text[w])).TrimEnd('.', '!', '?', '\'', '’');
                    }

                    if (!label.StartsWith(plain, StringComparison.Ordinal) && !label.StartsWith(spelled, StringComparison.Ordinal))
                    {
                        break;
                    }
                }
            }
        }

        return null;
    }

    private static readonly SearchValues<char> WordSeparators = SearchValues.Create(" \n\r\t()\",;:|");

    /// <summary>Where each word of the text is: cheaper than splitting a whole body into strings to look at a few of them.</summary>
    private static List<Range> Words(string text)
    {
        var words = new List<Range>();
        var at = 0;
        while (at < text.Length)
        {
            var start = text.AsSpan(at).IndexOfAnyExcept(WordSeparators);
            if (start < 0)
            {
                break;
            }

            start += at;
            var length = text.AsSpan(start).IndexOfAny(WordSeparators);
            var end = length < 0 ? text.Length : start + length;
            words.Add(start..end);
            at = end;
        }

        return words;
    }

    private static string Letters(string text) => new([.. text.Where(char.IsLetterOrDigit)]);

    private static string Transliterated(string text) =>
        Letters(TextFolding.Fold(text.Replace("ü", "ue", StringComparison.Ordinal).Replace("ö", "oe", StringComparison.Ordinal).Replace("ä", "ae", StringComparison.Ordinal)
            .Replace("Ü", "Ue", StringComparison.Ordinal).Replace("Ö", "Oe", StringComparison.Ordinal).Replace("Ä", "Ae", StringComparison.Ordinal)));

    /// <summary>"Contoso Engineering Team" also offers "Contoso Engineering" and "Contoso": the shortest known form wins on score.</summary>
    private static IEnumerable<string> Prefixes(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var sentenceEnd = Array.FindIndex(words, w => w.EndsWith('.') && w.Length > 3);
        if (sentenceEnd >= 0)
        {
            words = words[..(sentenceEnd + 1)];
            words[^1] = words[^1].TrimEnd('.');
        }

        var trimmedEnd = words.Length;
        while (trimmedEnd > 1 && IsTrailingNoise(words[trimmedEnd - 1]))
        {
            trimmedEnd--;
        }

        yield return string.Join(' ', words[..trimmedEnd]);
    }

    private static bool IsTeamWord(string word) => word is "careers" or "team" or "recruiting" or "talent" or "jobs" or "hr" or "people" or "hiring" or "recruitment" or "karriere";

    private static bool IsTrailingNoise(string word) =>
        word is "&" or "of" or "and" or "for" or "de" or "la" or "du" or "des" || NotCompanies.Contains(word)
        || word.Equals("Team", StringComparison.Ordinal) || word.Equals("Recruiting", StringComparison.Ordinal) || word.Equals("Talent", StringComparison.Ordinal);

    // A staffing agency recruits for its client; the client is the company the interview is with.
    private static bool IsAgency(string name)
    {
        var folded = TextFolding.Fold(name);
        return AgencyWords.Any(w => folded.Contains(w, StringComparison.Ordinal));
    }

    private static readonly string[] AgencyWords = ["staffing", "talent", "recruitment", "recruiting", "personnel", "headhunt", "search partners", "personalberatung", "cabinet", "interim"];

    // "Software Engineer II" after "interview for the" is the role, not the company.
    private static bool IsJobTitle(string name)
    {
        var folded = TextFolding.Fold(name);
        foreach (var noun in JobNouns)
        {
            for (var at = folded.IndexOf(noun, StringComparison.Ordinal); at >= 0; at = folded.IndexOf(noun, at + 1, StringComparison.Ordinal))
            {
                if (at == 0 || folded[at - 1] == ' ')
                {
                    return true; // a word that starts with the noun
                }
            }
        }

        return false;
    }

    // Nouns only a job title has; "Data", "Product" or "Sales" can be part of a company's name.
    private static readonly string[] JobNouns =
    [
        "engineer", "developer", "entwickler", "manager", "designer", "analyst", "scientist", "architect", "consultant", "specialist", "ingenieur",
        "developpeur", "director", "recruiter", "owner", "administrator", "coordinator", "officer", "intern", "teamleiter",
    ];

    private static string Clean(string name) => name.Trim().TrimEnd('.', ',', ';', ':', '!', '?', '\'', '’').Replace("'s", "", StringComparison.Ordinal).Trim();

    private static bool IsPerson(string name, IReadOnlyCollection<string> personNames) =>
        personNames.Any(p => p.Equals(name, StringComparison.OrdinalIgnoreCase) || p.StartsWith(name + " ", StringComparison.OrdinalIgnoreCase));

    private static string FromLabel(string label) =>
        string.Join(' ', label.Split('-', StringSplitOptions.RemoveEmptyEntries).Select(w => char.ToUpperInvariant(w[0]) + w[1..]));

    private static readonly Regex TeamName = SafeRegex.Create(@"^(?<name>.+?)\s(?:Talent Acquisition|Talent|Recruiting|Recruitment|Careers|Hiring|HR|People|Jobs|Karriere|Recrutement)(?:\sTeam)?$");

    private static readonly Regex ViaName = SafeRegex.Create(@"(?:\s(?:at|from|@|via|von|de|chez)\s|\s[|(]\s?)(?<name>[A-Z][\w&.-]*(?:\s[A-Z][\w&.-]*){0,2})\)?$");
}
