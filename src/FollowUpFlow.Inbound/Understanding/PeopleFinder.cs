using FollowUpFlow.Inbound.Understanding.Dates;
using System.Collections.Immutable;
using FollowUpFlow.Core.Model;
using FollowUpFlow.Inbound.Calendar;
using FollowUpFlow.Inbound.Mime;

namespace FollowUpFlow.Inbound.Understanding;

/// <summary>
/// Finds the panel and the recruiter. The candidate is never on the panel; the recruiter (or coordinator)
/// is only when the email says so ("you'll meet with me and …"). Calendar attendees are trusted most,
/// then names the text introduces ("you will meet with …", "Gesprächspartner: …", "avec …").
/// </summary>
internal static class PeopleFinder
{
    private static readonly string[] PanelTriggers =
    [
        "meet with", "meeting with", "speak with", "speaking with", "talk with", "talking with", "chat with", "interview with", "interviewing with",
        "joined by", "interviewer:", "interviewers:", "panel:", "your panel", "you will meet", "you'll meet", "you'll be meeting", "you will be meeting",
        "meet", "speak to", "talk to", "interviewer", "interviewers", "sprechen mit", "gesprächspartner", "gesprachspartner", "treffen sie", "lernen sie",
        "mit ihnen sprechen", "sprechen werden", "avec", "rencontrerez", "rencontrer", "echangerez avec", "interlocuteurs", "interlocuteur", "jury",
        "who you'll meet", "schedule:", "agenda:", "ablauf:", "programme :", "programme:", "who:", "\nwith ", "(with ", "seitens", "nehmen",
        "teilnehmen", "dabei sind", "with our", "with the team", "panel", "jury :", "vous rencontrerez", "en presence de", "\nwith:", " with ",
        "recu par", "recue par", "recus par", "triffst", "treffen", " · ", "host:", "hosted by", "organisateur", "organizer:", "panelist", "panelists",
    ];

    private static readonly PhraseSearch PanelTriggerSearch = new(PanelTriggers);

    private static readonly PhraseSearch RecruiterWords = new(
    [
        "recruit", "talent", "coordinator", "sourcer", "people partner", "people team", "hr ", "human resources", "personal", "recrutement",
        "charge de recrutement", "chargee de recrutement", "ressources humaines", "scheduling", "hiring team",
    ]);

    private static readonly PhraseSearch SelfOnPanel = new(
    [
        "with me and", "with me,", "me and ", "i'll join", "i will join", "i'll be joining", "i will be joining", "i'll be there", "myself",
        "mit mir und", "ich werde dabei", "bin ich dabei", "avec moi et", "je serai present", "moi-meme", "mich und", "triffst mich",
    ]);

    public sealed record Evidence(
        CalendarEvent? Calendar,
        MailboxAddress? OriginalSender,
        MailboxAddress? OriginalReplyTo,
        IReadOnlyList<MailboxAddress> OtherSenders,
        string Body,
        string Quoted,
        bool CalendarOnly,
        IReadOnlySet<string> CandidateAddresses,
        IReadOnlyCollection<string> CandidateNames);

    public static (ImmutableArray<Person> Interviewers, double InterviewersConfidence, Person? Recruiter, double RecruiterConfidence) Find(Evidence evidence)
    {
        var folded = TextFolding.Fold(evidence.Body);
        var (recruiter, recruiterConfidence) = FindRecruiter(evidence, folded);
        var recruiterOnPanel = recruiter is not null && SelfOnPanel.AnyIn(folded);

        var panel = new List<Person>();
        var fromCalendar = false;
        if (evidence.CalendarOnly && evidence.Calendar?.Organizer is { Email: { } organizerEmail } organizer && MailDomains.IsHumanAddress(organizerEmail)
            && !IsCandidate(organizerEmail, organizer.Name, evidence) && !IsSame(new Person(organizer.Name ?? "", organizerEmail), recruiter))
        {
            // An invitation with no words of its own is the organizer's meeting: they are on it.
            AddDistinct(panel, new Person(organizer.Name ?? PersonNames.FromAddress(organizerEmail), organizerEmail));
        }

        if (evidence.Calendar is { } calendar)
        {
            foreach (var attendee in calendar.Attendees)
            {
                if (IsResource(calendar, attendee) || attendee.Role == "NON-PARTICIPANT" || IsCandidate(attendee.Email, attendee.Name, evidence)
                    || (attendee.Email is not null && !MailDomains.IsHumanAddress(attendee.Email)))
                {
                    continue;
                }

                var person = new Person(attendee.Name is { Length: > 0 } cn && !cn.Contains('@', StringComparison.Ordinal) ? cn : PersonNames.FromAddress(attendee.Email ?? ""), attendee.Email);
                if (person.Name.Length == 0 || IsSame(person, recruiter) && !recruiterOnPanel || IsOrganizerOnly(calendar, attendee, recruiter, recruiterOnPanel))
                {
                    continue;
                }

                AddDistinct(panel, person);
                fromCalendar = true;
            }
        }

        foreach (var person in PanelFromText(evidence.Body, folded).Concat(NamedBeforeJoining(evidence.Body, folded)))
        {
            if (IsCandidate(person.Email, person.Name, evidence) || (IsSame(person, recruiter) && !recruiterOnPanel))
            {
                continue;
            }

            AddDistinct(panel, person);
        }

        if (panel.Count == 0 && evidence.Quoted.Length > 0)
        {
            // A reply that only moves the time ("Hannah had a conflict…") leaves the panel in the quoted invitation.
            var foldedQuoted = TextFolding.Fold(evidence.Quoted);
            foreach (var person in PanelFromText(evidence.Quoted, foldedQuoted))
            {
                if (!IsCandidate(person.Email, person.Name, evidence) && !(IsSame(person, recruiter) && !recruiterOnPanel))
                {
                    AddDistinct(panel, person);
                }
            }
        }

        if (panel.Count == 0 && evidence.OriginalSender is { } sender && MailDomains.IsHumanAddress(sender.Address)
            && !IsCandidate(sender.Address, sender.Name, evidence) && !IsSame(new Person(sender.Name ?? "", sender.Address), recruiter))
        {
            // Nobody else is named: whoever wrote the original and is not the recruiter is the one the candidate will talk to.
            AddDistinct(panel, new Person(sender.Name is { Length: > 0 } n ? n : PersonNames.FromAddress(sender.Address), sender.Address));
        }

        if (recruiterOnPanel && recruiter is not null)
        {
            AddDistinct(panel, recruiter);
        }

        var confidence = panel.Count == 0 ? 0.5 : fromCalendar ? 0.85 : 0.7;
        return ([.. panel], confidence, recruiter, recruiterConfidence);
    }

    private static (Person? Recruiter, double Confidence) FindRecruiter(Evidence evidence, string foldedBody)
    {
        var signature = SignaturePerson(evidence.Body);
        if (signature is { IsRecruiter: true })
        {
            var email = signature.Person.Email ?? AddressFor(signature.Person.Name, evidence);
            return (signature.Person with { Email = email }, 0.85);
        }

        foreach (var candidate in new[] { evidence.OriginalSender, evidence.OriginalReplyTo }.Concat(evidence.OtherSenders))
        {
            if (candidate is null || !MailDomains.IsHumanAddress(candidate.Address) || IsCandidate(candidate.Address, candidate.Name, evidence))
            {
                continue;
            }

            if (candidate.Name is { Length: > 0 } displayName && !PersonNames.LooksLikeName(displayName))
            {
                continue; // "Woodgrove Bank Careers", "JobWire Alerts": a mailbox, not a person
            }

            if (evidence.CalendarOnly && IsOnInvitation(evidence.Calendar, candidate.Address) && !RecruiterWords.AnyIn(foldedBody))
            {
                continue;
            }

            var name = candidate.Name is { Length: > 0 } n && PersonNames.LooksLikeName(n) ? n : PersonNames.FromAddress(candidate.Address);
            return (new Person(name, candidate.Address), 0.75);
        }

        if (signature is not null)
        {
            return (signature.Person with { Email = signature.Person.Email ?? AddressFor(signature.Person.Name, evidence) }, 0.6);
        }

        if (evidence.Calendar?.Organizer is { Email: { } organizerEmail } organizer && MailDomains.IsHumanAddress(organizerEmail)
            && !IsCandidate(organizerEmail, organizer.Name, evidence) && RecruiterWords.AnyIn(foldedBody))
        {
            return (new Person(organizer.Name ?? PersonNames.FromAddress(organizerEmail), organizerEmail), 0.55);
        }

        return (null, 0.6);
    }

    private sealed record Signed(Person Person, bool IsRecruiter);

    /// <summary>The name under a closing ("Best,", "Viele Grüße", "Cordialement") and whether the lines below it say recruiter.</summary>
    private static Signed? SignaturePerson(string body)
    {
        var lines = body.Split('\n');
        Signed? first = null;
        for (var i = lines.Length - 2; i >= 0; i--)
        {
            if (lines[i].Length > 40)
            {
                continue; // closings are short; a long line is never one
            }

            var folded = TextFolding.Fold(lines[i].Trim()).TrimEnd(',', '!', '.');
            if (!IsClosing(folded))
            {
                continue;
            }

            var signed = SignatureBelow(lines, i);
            if (signed is { IsRecruiter: true })
            {
                return signed;
            }

            first ??= signed;
        }

        // No closing line: a name alone on its line with a recruiting title under it ("Tom Baxter" / "Senior Consultant | Northgate Talent").
        for (var i = 0; i + 1 < lines.Length; i++)
        {
            var line = lines[i].Trim();
            var match = line.Length is > 3 and < 40 ? SafeRegex.First(PersonNames.NameWithAddress, line) : null;
            if (match is not null && match.Index == 0 && match.Length == line.Length && PersonNames.LooksLikeName(match.Groups["name"].Value)
                && RecruiterWords.AnyIn(TextFolding.Fold(lines[i + 1])))
            {
                return new Signed(new Person(match.Groups["name"].Value, FirstAddress(string.Join(' ', lines.Skip(i).Take(5)))), IsRecruiter: true);
            }
        }

        return first;
    }

    private static Signed? SignatureBelow(string[] lines, int closing)
    {
        for (var j = closing + 1; j < Math.Min(lines.Length, closing + 3); j++)
        {
            var line = lines[j].Trim().TrimStart('-', ' ');
            var match = SafeRegex.First(PersonNames.NameWithAddress, line);
            if (match is null || match.Index > 3 || !PersonNames.LooksLikeName(match.Groups["name"].Value))
            {
                continue;
            }

            var email = match.Groups["email"].Success ? match.Groups["email"].Value : null;
            var below = TextFolding.Fold(string.Join(' ', lines.Skip(j).Take(4)));
            email ??= FirstAddress(string.Join(' ', lines.Skip(j).Take(5)));
            return new Signed(new Person(match.Groups["name"].Value, email), RecruiterWords.AnyIn(below));
        }

        return null;
    }

    private static bool IsClosing(string line) => (line.Length <= 30 && !line.Contains('@', StringComparison.Ordinal) && !line.Contains(':', StringComparison.Ordinal)
        && (line.StartsWith("best", StringComparison.Ordinal) || line.StartsWith("thank", StringComparison.Ordinal) || line.StartsWith("looking forward", StringComparison.Ordinal)
            || line.StartsWith("warm", StringComparison.Ordinal) || line.StartsWith("kind", StringComparison.Ordinal) || line.StartsWith("many thanks", StringComparison.Ordinal)
            || line.StartsWith("regards", StringComparison.Ordinal) || line.StartsWith("cheers", StringComparison.Ordinal) || line.StartsWith("mit freundlichen", StringComparison.Ordinal)
            || line.StartsWith("bien ", StringComparison.Ordinal) || line.StartsWith("viele gr", StringComparison.Ordinal) || line.StartsWith("beste gr", StringComparison.Ordinal)))
        || line is "best" or "best regards" or "regards" or "kind regards" or "warm regards" or "thanks" or "thank you"
        or "cheers" or "many thanks" or "all the best" or "sincerely" or "best wishes" or "talk soon" or "viele grusse" or "beste grusse" or "mit freundlichen grussen"
        or "freundliche grusse" or "herzliche grusse" or "liebe grusse" or "gruss" or "cordialement" or "bien cordialement" or "bien a vous" or "a bientot"
        or "merci" or "belle journee" or "sinceres salutations" or "best," or "thanks again" or "looking forward" or "see you soon";

    private static string? FirstAddress(string text)
    {
        foreach (var match in SafeRegex.Matches(PersonNames.NameWithAddress, text))
        {
            if (match.Groups["email"].Success)
            {
                return match.Groups["email"].Value;
            }
        }

        var at = text.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0)
        {
            return null;
        }

        var start = at;
        while (start > 0 && (char.IsLetterOrDigit(text[start - 1]) || text[start - 1] is '.' or '_' or '-' or '+'))
        {
            start--;
        }

        var end = at + 1;
        while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] is '.' or '-'))
        {
            end++;
        }

        var address = text[start..end].TrimEnd('.');
        return start < at && address.IndexOf('.', at - start) > 0 ? address : null;
    }

    private static IEnumerable<Person> PanelFromText(string body, string folded)
    {
        foreach (var (at, index) in PanelTriggerSearch.Hits(folded))
        {
            var trigger = PanelTriggers[index];
            {
                // The folded text can be longer than the original (ß → ss); positions are close enough to find the phrase's surroundings.
                var start = Math.Min(at + trigger.Length, body.Length);
                if (trigger == " · " && !LineHasTime(body, start))
                {
                    continue; // "·" separates a schedule line's time from its interviewer, and a company footer's registry entries.
                }

                var listFollows = trigger.EndsWith(':') || ListTriggers.Contains(trigger) || IsLineEnd(body, start);
                var region = Region(body, start, listFollows);
                foreach (var line in listFollows ? region.Split('\n') : [region])
                {
                    var people = SafeRegex.Matches(PersonNames.NameWithAddress, line);
                    foreach (var match in people)
                    {
                        if (PersonNames.Trimmed(match.Groups["name"].Value) is not { } name)
                        {
                            continue;
                        }

                        // In a list each line is one person; an address anywhere on the line is theirs.
                        var email = match.Groups["email"].Success ? match.Groups["email"].Value : listFollows && people.Count == 1 ? FirstAddress(line) : null;
                        yield return new Person(name, email);
                    }
                }
            }
        }
    }

    // Headings after which a list of people follows, one per line (often an HTML table turned into text).
    private static readonly HashSet<string> ListTriggers = ["interviewer", "interviewers", "panel", "panelist", "panelists", "interviewers:", "panel:", "who:", "host:"];

    private static readonly string[] JoiningPhrases =
    [
        "will be on the call", "will join", "will be joining", "will interview you", "will be interviewing", "will meet you", "will call you",
        "wird dabei sein", "nimmt teil", "sera present", "sera presente", "vous recevra",
    ];

    private static readonly PhraseSearch JoiningSearch = new(JoiningPhrases);

    /// <summary>Names right before "will be on the call", "will join", "nimmt teil"…</summary>
    private static IEnumerable<Person> NamedBeforeJoining(string body, string folded)
    {
        foreach (var (at, _) in JoiningSearch.Hits(folded))
        {
            {
                var end = Math.Min(at, body.Length);
                var start = Math.Max(0, end - 60);
                var lineStart = body.LastIndexOf('\n', Math.Max(0, end - 1));
                start = Math.Max(start, lineStart + 1);
                var before = body[start..end];
                var named = SafeRegex.Matches(PersonNames.NameWithAddress, before).LastOrDefault(m => PersonNames.LooksLikeName(m.Groups["name"].Value));
                if (named is not null)
                {
                    yield return new Person(named.Groups["name"].Value, named.Groups["email"].Success ? named.Groups["email"].Value : null);
                }
            }
        }
    }

    private static bool LineHasTime(string body, int index)
    {
        var lineStart = body.LastIndexOf('\n', Math.Max(0, Math.Min(index, body.Length) - 1)) + 1;
        var line = body.AsSpan(lineStart, Math.Min(index, body.Length) - lineStart);
        for (var i = 1; i + 1 < line.Length; i++)
        {
            if (line[i] == ':' && char.IsDigit(line[i - 1]) && char.IsDigit(line[i + 1]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsLineEnd(string body, int index)
    {
        for (var i = index; i < body.Length; i++)
        {
            if (body[i] == '\n')
            {
                return true;
            }

            if (!char.IsWhiteSpace(body[i]) && body[i] != ':')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The rest of the sentence, or, when a list follows a heading, the list's lines up to the first blank line.</summary>
    private static string Region(string body, int start, bool listFollows)
    {
        var end = start;
        if (listFollows)
        {
            var blank = body.IndexOf("\n\n", Math.Min(body.Length, start + 2), StringComparison.Ordinal);
            end = blank < 0 ? Math.Min(body.Length, start + 600) : Math.Min(blank, start + 600);
        }
        else
        {
            while (end < body.Length && end - start < 300 && !IsSentenceEnd(body, end))
            {
                end++;
            }
        }

        return body[start..end];
    }

    /// <summary>A sentence ends at ".", "!", "?" or a line break, but not at the dot of "Dr." or "Mr.".</summary>
    private static bool IsSentenceEnd(string text, int i)
    {
        if (text[i] == '\n')
        {
            return true;
        }

        if (text[i] is not ('.' or '!' or '?') || (i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1])))
        {
            return false;
        }

        var wordStart = i;
        while (wordStart > 0 && char.IsLetter(text[wordStart - 1]))
        {
            wordStart--;
        }

        var word = text.AsSpan(wordStart, i - wordStart).ToString();
        return !(text[i] == '.' && Abbreviations.Contains(word));
    }

    private static readonly HashSet<string> Abbreviations = ["Dr", "Prof", "Mr", "Mrs", "Ms", "Mme", "Mlle", "M", "St", "Jr", "Sr", "Hr", "Fr", "Ing", "Dipl"];

    private static bool IsResource(CalendarEvent calendar, CalendarPerson attendee)
    {
        foreach (var property in calendar.Properties)
        {
            if (property.Name == "ATTENDEE" && property.Parameters.TryGetValue("CUTYPE", out var type) && type is "ROOM" or "RESOURCE"
                && attendee.Email is not null && property.Value.Contains(attendee.Email, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return attendee.Name is { } name && (name.Contains("Room", StringComparison.OrdinalIgnoreCase) || name.Contains("Raum", StringComparison.OrdinalIgnoreCase)
            || name.Contains("Salle", StringComparison.OrdinalIgnoreCase) || name.Contains("Conf ", StringComparison.OrdinalIgnoreCase));
    }

    private static bool IsOnInvitation(CalendarEvent? calendar, string address) =>
        calendar is not null && (string.Equals(calendar.Organizer?.Email, address, StringComparison.OrdinalIgnoreCase)
            || calendar.Attendees.Any(a => string.Equals(a.Email, address, StringComparison.OrdinalIgnoreCase)));

    private static bool IsOrganizerOnly(CalendarEvent calendar, CalendarPerson attendee, Person? recruiter, bool recruiterOnPanel) =>
        calendar.Organizer?.Email is { } organizer && attendee.Email is { } email && organizer.Equals(email, StringComparison.OrdinalIgnoreCase)
        && recruiter?.Email is { } recruiterEmail && recruiterEmail.Equals(email, StringComparison.OrdinalIgnoreCase) && !recruiterOnPanel;

    private static bool IsCandidate(string? email, string? name, Evidence evidence) =>
        (email is not null && evidence.CandidateAddresses.Contains(email))
        || (name is not null && evidence.CandidateNames.Any(c => PersonNames.SamePerson(c, name) && c.Contains(' ', StringComparison.Ordinal) && name.Contains(' ', StringComparison.Ordinal)));

    private static string? AddressFor(string name, Evidence evidence)
    {
        var senders = new[] { evidence.OriginalSender, evidence.OriginalReplyTo }.Concat(evidence.OtherSenders);
        return senders.FirstOrDefault(s => s is not null && s.Name is not null && MailDomains.IsHumanAddress(s.Address) && PersonNames.SamePerson(s.Name, name))?.Address
            ?? evidence.Calendar?.Attendees.Concat(evidence.Calendar.Organizer is null ? [] : [evidence.Calendar.Organizer])
                .FirstOrDefault(a => a.Name is not null && PersonNames.SamePerson(a.Name, name))?.Email;
    }

    private static bool IsSame(Person person, Person? other) =>
        other is not null && ((person.Email is not null && other.Email is not null && person.Email.Equals(other.Email, StringComparison.OrdinalIgnoreCase))
            || PersonNames.SamePerson(person.Name, other.Name));

    /// <summary>Adds a person unless already there; a later mention can add the address an earlier one lacked.</summary>
    private static void AddDistinct(List<Person> people, Person person)
    {
        var index = people.FindIndex(p => IsSame(p, person));
        if (index < 0)
        {
            people.Add(person);
        }
        else if (people[index].Email is null && person.Email is not null)
        {
            people[index] = people[index] with { Email = person.Email };
        }
    }
}
