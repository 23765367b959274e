using FollowUpFlow.Inbound.Understanding.Dates;
using System.Text.RegularExpressions;

namespace FollowUpFlow.Inbound.Understanding;

/// <summary>Finds people's names in running text and tells them apart from job titles, products and calendar words.</summary>
internal static class PersonNames
{
    private const string Word = @"(?<![\p{L}'’-])\p{Lu}[\p{Ll}'’-]{1,30}";

    // "Dr. Anna Schmidt", "Priya Natarajan", "Jean-Luc Martin", "Ludwig van Beek"; an optional address right after.
    internal static readonly Regex NameWithAddress = SafeRegex.Create(
        @"(?:(?:Dr\.|Prof\.|Mr\.|Ms\.|Mrs\.|Herr|Herrn|Frau|M\.|Mme|Madame|Monsieur)\s){0,2}(?<name>" + Word + @"(?:\s(?:(?:von|van|de|du|der|le|la|di|da)\s)?" + Word + @"){1,2})(?:[^\n@<(\[]{0,60}?[<(\[]\s*(?:mailto:)?(?<email>[\w.+'-]+@[\w-]+(?:\.[\w-]+)+)\s*[>)\]])?");

    private static readonly HashSet<string> NotNameWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "manager", "engineer", "engineering", "director", "lead", "head", "senior", "staff", "principal", "vp", "president", "recruiter", "recruiting",
        "partner", "designer", "scientist", "developer", "architect", "officer", "chief", "team", "product", "software", "data", "talent", "coordinator",
        "acquisition", "leiter", "leiterin", "entwickler", "entwicklerin", "teamleiter", "teamleiterin", "geschäftsführer", "responsable", "directeur",
        "directrice", "chef", "ingénieur", "ingenieur", "développeur", "developpeur", "chargée", "chargé", "rh", "human", "resources", "sales", "marketing",
        "operations", "microsoft", "teams", "google", "meet", "zoom", "webex", "calendar", "interview", "interviews", "monday", "tuesday", "wednesday", "thursday",
        "friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december", "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "best", "regards",
        "thanks", "thank", "kind", "viele", "grüße", "mit", "freundlichen", "cordialement", "bien", "hiring", "people", "platform", "backend", "frontend",
        "infrastructure", "security", "analyst", "consultant", "specialist", "intern", "associate", "conference", "room", "building", "floor", "street",
        "join", "meeting", "phone", "video", "call", "onsite", "office", "the", "our", "your", "dear", "hi", "hello", "hallo", "bonjour", "liebe", "lieber",
        "sehr", "geehrte", "geehrter", "time", "eastern", "pacific", "central", "standard", "daylight", "europe", "america", "mountain", "location",
        "address", "adresse", "personal", "personalabteilung", "recrutement", "ressources", "humaines", "technical", "technique", "round", "final",
        "screen", "screening", "systems", "design", "welcome", "please", "note", "click", "here", "view", "accept", "decline", "maybe", "invitation",
        "updated", "canceled", "cancelled", "organizer", "attendees", "guests", "required", "optional", "panel", "agenda", "vice", "stack", "full",
        "mobile", "cloud", "machine", "learning", "quality", "assurance", "support", "customer", "success", "account", "executive", "dept", "department",
        "inc", "gmbh", "ltd", "llc", "corp", "sas", "sarl", "ag", "herr", "herrn", "frau", "dr", "prof", "mr", "ms", "mrs", "mme", "madame", "monsieur",
        "who", "when", "where", "what", "title", "email", "name", "careers", "alerts", "jobs", "master", "panelist", "panelists", "interviewer", "notifications", "noreply", "bank", "insurance", "labs", "ihr", "ihre", "amtsgericht", "sitz", "registergericht", "vorstand", "aufsichtsrat", "termin", "dauer", "ort", "seitens", "bitte", "mit", "und", "thanks", "hiring", "manager", "owner",
    };

    public static bool LooksLikeName(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length is >= 1 and <= 4 && !words.Any(w => NotNameWords.Contains(w.Trim('.', ',')) || w.EndsWith('-'));
    }

    /// <summary>The name without the job title that runs on after it ("Natalie Brooks Director" → "Natalie Brooks"), or null.</summary>
    public static string? Trimmed(string name)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var count = words.Length; count >= 2; count--)
        {
            var candidate = string.Join(' ', words[..count]);
            if (LooksLikeName(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>"sam.lee@contoso.com" → "Sam Lee": a readable name when a calendar or header gives only an address.</summary>
    public static string FromAddress(string email)
    {
        var local = email.Split('@')[0];
        var parts = local.Split(['.', '_', '-'], StringSplitOptions.RemoveEmptyEntries)
            .Where(p => p.All(char.IsLetter))
            .Select(p => char.ToUpperInvariant(p[0]) + p[1..].ToLowerInvariant())
            .ToArray();
        return parts.Length > 0 ? string.Join(' ', parts) : local;
    }

    /// <summary>Case- and accent-insensitive comparison that also accepts "Priya" for "Priya Natarajan".</summary>
    public static bool SamePerson(string a, string b)
    {
        var left = TextFolding.Fold(a).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var right = TextFolding.Fold(b).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (left.Length == 0 || right.Length == 0)
        {
            return false;
        }

        return left.SequenceEqual(right) || (left[0] == right[0] && (left.Length == 1 || right.Length == 1 || left[^1] == right[^1]));
    }
}
