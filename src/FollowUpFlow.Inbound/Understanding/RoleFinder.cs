using FollowUpFlow.Inbound.Understanding.Dates;
using System.Text.RegularExpressions;

namespace FollowUpFlow.Inbound.Understanding;

/// <summary>Finds the job title: labelled ("Position: …"), in a sentence ("for the … position", "für die Position als …", "pour le poste de …"), or in the subject.</summary>
internal static class RoleFinder
{
    // A title: capitalised words ("Sr.", "C++", ".NET", "Front-End", "II") joined by spaces or the small words titles
    // use ("Head of Data", "Chef de projet"), then an optional parenthetical such as "(m/w/d)" that is not part of it.
    private const string TitleWord = @"(?<![\p{L}0-9+#./&-])(?:\p{Lu}|\.|[0-9])[\p{L}0-9+#./&’'-]{0,40}";
    private const string Title = @"(?<title>" + TitleWord + @"(?:[ ](?:(?:of|and|for|de|du|des|la|le|für|und|&|/|-|–)[ ])?" + TitleWord + @"){0,7})(?:[ ]?\([^)\n]{1,24}\))?";

    // Words nearly every job title contains; a phrase without one is more likely "Onsite" or "Phone Screen".
    internal static readonly string[] JobWords =
    [
        "engineer", "developer", "entwickler", "manager", "designer", "analyst", "analyste", "scientist", "architect", "owner", "lead", "consultant",
        "specialist", "ingenieur", "developpeur", "teamleiter", "leiter", "director", "directeur", "administrator", "coordinator", "officer", "accountant",
        "representative", "associate", "intern", "researcher", "writer", "head", "sre", "reliability", "devops", "product", "data", "chef", "responsable",
        "charge", "referent", "berater", "expert", "programmer", "tester", "qa", "support", "executive", "partner", "recruiter", "marketing", "sales",
    ];

    private const string GermanPost = "(?i:Position|Stelle|Rolle|Funktion)";

    private static readonly (Regex Pattern, double Weight)[] Patterns =
    [
        (SafeRegex.Create(@"(?i:position|role|job title|job|title|poste|stelle|funktion|position als|intitulé du poste|intitule du poste|rolle)\s*[:：]\s*" + Title + @"\s*$", RegexOptions.Multiline), 5),
        (SafeRegex.Create(@"(?i:for|about|regarding|re:?)\s(?i:the|our|a|an|your)\s" + Title + @"\s(?i:position|role|opening|vacancy|job|opportunity)\b"), 4),
        (SafeRegex.Create(@"(?i:for|about|regarding)\s(?i:the)\s(?i:position|role)\s(?i:of|as)\s(?i:an?\s)?" + Title), 4),
        (SafeRegex.Create(@"(?i:position|role|opening)\s(?i:of|as)\s(?i:an?\s)?" + Title), 3),
        (SafeRegex.Create(@"(?i:interview|interviewing|application|applied|apply)\s(?i:for|as)\s(?i:the\s|our\s|an?\s)?(?:(?i:position|role)\s(?i:of\s)?)?" + Title), 3),
        (SafeRegex.Create(@"(?i:für die|fur die|auf die|für unsere|auf unsere)\s(?i:Position|Stelle|Rolle)\s(?i:als\s|des\s|der\s|eines\s|einer\s)?" + Title), 4),
        (SafeRegex.Create(@"(?i:Ihre Bewerbung|Bewerbung|Stelle)\s(?i:als|für)\s" + Title), 3.5),
        (SafeRegex.Create(@"(?i:pour le poste|au poste|le poste|pour un poste|pour le rôle|pour le role)\s(?i:de\s|d'|d’)(?i:la\s|l'|l’)?" + Title), 4),
        (SafeRegex.Create(@"(?i:en tant que|comme)\s" + Title), 2.5),
        (SafeRegex.Create(@"^(?i:interview|interview confirmation|interview invitation|invitation|confirmed|confirmation|entretien|vorstellungsgespräch|einladung(?: zum vorstellungsgespräch)?)\s*(?:[:\-–|]|for|pour|für)\s*(?:the\s)?" + Title + @"(?:\s(?i:at|with|bei|chez|[-–|(])|$)"), 3),
        (SafeRegex.Create(@"^" + Title + @"\s(?i:interview|entretien|vorstellungsgespräch)\b"), 2),
        (SafeRegex.Create(@"(?i:as|als)\s(?i:a|an|our|unser(?:e|en)?)\s" + Title), 2.5),
        (SafeRegex.Create(@"(?i:the|our|your|this)\s" + Title + @"\s(?i:position|role|opening|vacancy|job|requisition|opportunity|team)\b"), 4),
        // Found at "Position" and read back for "die": starting at every "die", "der" and "eine" cost six times as much.
        (SafeRegex.Create(GermanPost + @"(?<=(?i:die|der|unsere|eine|zur|über die|uber die)\s" + GermanPost + @")\s(?i:als\s|des\s|der\s|eines\s|einer\s)?[„""“]?" + Title), 4),
    ];

    private static readonly HashSet<string> NotTitles = new(StringComparer.OrdinalIgnoreCase)
    {
        "interview", "position", "role", "job", "the position", "this position", "this role", "the role", "next step", "next steps", "opportunity",
        "call", "chat", "meeting", "video call", "phone screen", "onsite", "on-site", "you", "us", "we", "it", "poste", "stelle", "entretien",
    };

    public static (string? Role, double Confidence) Find(string subject, string body)
    {
        body = Spaces.Replace(body, " ");
        var scores = new Dictionary<string, (string Display, double Score)>(StringComparer.OrdinalIgnoreCase);
        foreach (var (pattern, weight) in Patterns)
        {
            foreach (var (text, factor) in new[] { (subject, 1.2), (body, 1.0) })
            {
                foreach (var match in SafeRegex.Matches(pattern, text))
                {
                    var title = Clean(match.Groups["title"].Value);
                    if (title is null)
                    {
                        continue;
                    }

                    var folded = TextFolding.Fold(title);
                    var jobLike = JobWords.Any(w => folded.Contains(w, StringComparison.Ordinal));
                    if (!jobLike && !title.Contains(' ', StringComparison.Ordinal))
                    {
                        continue; // one word and no job in it: "Your interview", "Upcoming interview"
                    }

                    var current = scores.GetValueOrDefault(title);
                    scores[title] = (current.Display ?? title, current.Score + (weight * factor * (jobLike ? 1.5 : 0.3)));
                }
            }
        }

        foreach (var title in SubjectTitles(subject))
        {
            var current = scores.GetValueOrDefault(title);
            scores[title] = (current.Display ?? title, current.Score + SubjectSegmentWeight);
        }

        if (scores.Count == 0)
        {
            return (null, 0);
        }

        var ranked = scores.Values.OrderByDescending(v => v.Score).ThenBy(v => v.Display.Length).ToList();
        var best = ranked[0];
        var runnerUp = ranked.Count > 1 ? ranked[1].Score : 0;
        return (best.Display, Math.Clamp(0.4 + (best.Score * 0.06) + ((best.Score - runnerUp) * 0.03), 0.3, 0.95));
    }

    private const double SubjectSegmentWeight = 5;

    private static readonly Regex Spaces = SafeRegex.Create(@"[ \t\u00A0]{2,}");

    private static readonly string[] SubjectSeparators = [" - ", " – ", " — ", ": ", " | ", " @ ", " / "];

    private static readonly HashSet<string> SubjectNoise = new(StringComparer.Ordinal)
    {
        "interview", "interviews", "panel", "onsite", "on-site", "recruiter", "phone", "screen", "video", "technical", "final", "round", "call",
        "vorstellungsgesprach", "kennenlernen", "zweitgesprach", "erstgesprach", "einladung", "zum", "zur", "ihr", "ihre", "entretien", "rh", "proposition",
        "d'embauche", "decalage", "de", "votre", "change", "of", "time", "invitation", "updated", "confirmed", "confirmation", "re", "fwd", "fw", "your",
        "new", "candidate", "candidat", "offer", "offre", "angebot", "vertragsangebot", "absage", "update", "slots", "role", "position", "poste",
        "stelle", "rolle", "job", "for", "the", "für", "pour", "le", "la", "du", "scheduled", "canceled", "cancelled", "abgesagt", "annule",
    };

    /// <summary>Subjects name the role between separators: "Onsite Interview: Alex Morgan - Senior Backend Engineer", "Entretien RH – Chef de projet digital @ …".</summary>
    private static IEnumerable<string> SubjectTitles(string subject)
    {
        var segments = new List<string> { subject };
        foreach (var separator in SubjectSeparators)
        {
            segments = [.. segments.SelectMany(s => s.Split(separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];
        }

        foreach (var segment in segments)
        {
            var text = segment;
            var open = text.IndexOf('(', StringComparison.Ordinal);
            if (open > 0)
            {
                text = text[..open];
            }

            foreach (var cut in new[] { " at ", " with ", " bei ", " chez ", " avec ", " mit ", " for ", " pour " })
            {
                var at = text.IndexOf(cut, StringComparison.OrdinalIgnoreCase);
                if (at > 0)
                {
                    text = text[..at];
                }
            }

            var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
            while (words.Count > 0 && SubjectNoise.Contains(TextFolding.Fold(words[0]).Trim(',', '.', ':')))
            {
                words.RemoveAt(0);
            }

            while (words.Count > 0 && SubjectNoise.Contains(TextFolding.Fold(words[^1]).Trim(',', '.', ':')))
            {
                words.RemoveAt(words.Count - 1);
            }

            var title = string.Join(' ', words).Trim('„', '“', '"', '\'', ',');
            var folded = TextFolding.Fold(title);
            if (words.Count is >= 1 and <= 6 && JobWords.Any(w => folded.Contains(w, StringComparison.Ordinal)) && Clean(title) is { } clean)
            {
                yield return clean;
            }
        }
    }

    private static string? Clean(string raw)
    {
        var title = raw.Trim();
        var sentenceEnd = title.IndexOf(". ", StringComparison.Ordinal);
        if (sentenceEnd > 3)
        {
            title = title[..sentenceEnd];
        }

        title = title.TrimEnd('.', ',', ';', ':', '-', '–', '|').Trim();
        foreach (var tail in new[] { " position", " role", " opening", " vacancy", " job", " interview", " Position", " Stelle" })
        {
            if (title.EndsWith(tail, StringComparison.OrdinalIgnoreCase))
            {
                title = title[..^tail.Length].TrimEnd();
            }
        }

        // An unbalanced "(" means the title ran into a parenthetical: cut it there.
        if (title.Count(c => c == '(') > title.Count(c => c == ')'))
        {
            title = title[..title.LastIndexOf('(')].TrimEnd();
        }

        if (title.Length is < 2 or > 90 || NotTitles.Contains(title) || !title.Any(char.IsUpper) && title.Split(' ').Length > 4)
        {
            return null;
        }

        return title;
    }
}
