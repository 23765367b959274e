using System.Collections.Frozen;

namespace FollowUpFlow.Inbound.Understanding.Dates;

internal enum ZoneNameKind : byte
{
    /// <summary>"EDT", "MESZ": unmistakable in any case.</summary>
    Abbreviation,
    /// <summary>"ET", "EST", "IST", "CET", "Z": also ordinary words (French "et", "est", "cet", German "ist"), so in free text only in capitals.</summary>
    CapitalsOnly,
    /// <summary>"Eastern Time", "Central European Time", "heure de Paris", "Berlin time".</summary>
    Name,
    /// <summary>"Berlin", "San Francisco": in free text only in parentheses or after a UTC offset.</summary>
    City,
}

internal readonly record struct ZoneEntry(string Zone, ZoneNameKind Kind);

/// <summary>Zone names as people write them, keyed by folded words joined by single spaces.</summary>
internal static class ZoneCatalog
{
    /// <summary>The most words a zone name has ("heure de new york", "central european summer time").</summary>
    public const int LongestName = 5;

    private const string NewYork = "America/New_York";
    private const string Chicago = "America/Chicago";
    private const string Denver = "America/Denver";
    private const string LosAngeles = "America/Los_Angeles";
    private const string London = "Europe/London";
    private const string Berlin = "Europe/Berlin";
    private const string Paris = "Europe/Paris";
    private const string Kolkata = "Asia/Kolkata";

    /// <summary>Room for a key built from text: every catalog key is shorter, so longer text is no zone name.</summary>
    public const int LongestKey = 64;

    private static readonly FrozenDictionary<string, ZoneEntry> Names = Build();

    private static readonly FrozenDictionary<string, ZoneEntry>.AlternateLookup<ReadOnlySpan<char>> BySpan =
        Names.GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool TryGet(string key, out ZoneEntry entry) => Names.TryGetValue(key, out entry);

    public static bool TryGet(ReadOnlySpan<char> key, out ZoneEntry entry) => BySpan.TryGetValue(key, out entry);

    /// <summary>The lookup key for a written name: folded, every run of other characters than letters, digits, '+', '-' and ':' one space.</summary>
    public static string Key(ReadOnlySpan<char> written)
    {
        var folded = TextFolding.Fold(written);
        var key = new System.Text.StringBuilder(folded.Length);
        foreach (char original in folded)
        {
            char c = original is '−' or '–' ? '-' : original;
            bool kept = char.IsLetterOrDigit(c) || c is '+' or '-' or ':' or '/' or '_';
            if (kept)
            {
                key.Append(c);
            }
            else if (key.Length > 0 && key[^1] != ' ')
            {
                key.Append(' ');
            }
        }

        return key.ToString().TrimEnd();
    }

    private static FrozenDictionary<string, ZoneEntry> Build()
    {
        var names = new Dictionary<string, ZoneEntry>(StringComparer.Ordinal);

        void Add(ZoneNameKind kind, string zone, params string[] keys)
        {
            foreach (var key in keys)
            {
                names[Key(key)] = new ZoneEntry(zone, kind);
            }
        }

        // "Eastern", "Eastern Time", "Eastern Standard Time", "Eastern Daylight Time", "US Eastern (Time)".
        void Region(string zone, string region)
        {
            Add(ZoneNameKind.Name, zone, region, $"{region} time", $"{region} standard time", $"{region} daylight time",
                $"us {region}", $"us {region} time");
        }

        // A city alone, "<city> time", "<city> local time" and "heure de <city>".
        void Cities(string zone, params string[] cities)
        {
            foreach (var city in cities)
            {
                Add(ZoneNameKind.City, zone, city);
                Add(ZoneNameKind.Name, zone, $"{city} time", $"{city} local time", $"heure de {city}");
            }
        }

        Add(ZoneNameKind.Abbreviation, NewYork, "edt");
        Add(ZoneNameKind.CapitalsOnly, NewYork, "est", "et");
        Region(NewYork, "eastern");
        Add(ZoneNameKind.Abbreviation, Chicago, "cst", "cdt");
        Add(ZoneNameKind.CapitalsOnly, Chicago, "ct");
        Region(Chicago, "central");
        Add(ZoneNameKind.Abbreviation, Denver, "mst", "mdt");
        Add(ZoneNameKind.CapitalsOnly, Denver, "mt");
        Region(Denver, "mountain");
        Add(ZoneNameKind.Abbreviation, LosAngeles, "pst", "pdt");
        Add(ZoneNameKind.CapitalsOnly, LosAngeles, "pt");
        Region(LosAngeles, "pacific");
        Add(ZoneNameKind.Abbreviation, "America/Anchorage", "akst", "akdt");
        Region("America/Anchorage", "alaska");
        Add(ZoneNameKind.Abbreviation, "Pacific/Honolulu", "hst", "hast", "hdt");
        Region("Pacific/Honolulu", "hawaii");
        Add(ZoneNameKind.Name, "Pacific/Honolulu", "hawaiian time");
        Add(ZoneNameKind.Abbreviation, "America/Halifax", "adt");
        Add(ZoneNameKind.CapitalsOnly, "America/Halifax", "ast");
        Add(ZoneNameKind.Abbreviation, "America/St_Johns", "nst", "ndt");

        Add(ZoneNameKind.Abbreviation, "UTC", "gmt", "utc", "coordinated universal time", "greenwich mean time");
        Add(ZoneNameKind.CapitalsOnly, "UTC", "z");
        Add(ZoneNameKind.Abbreviation, London, "bst");
        Add(ZoneNameKind.CapitalsOnly, London, "uk");
        Add(ZoneNameKind.Name, London, "uk time", "british time", "british summer time", "heure de londres");
        Add(ZoneNameKind.CapitalsOnly, "Europe/Lisbon", "wet", "west");
        Add(ZoneNameKind.Abbreviation, "Europe/Lisbon", "west european time");
        Add(ZoneNameKind.Abbreviation, Berlin, "cest", "mez", "mesz");
        Add(ZoneNameKind.CapitalsOnly, Berlin, "cet");
        Add(ZoneNameKind.Name, Berlin, "central european time", "central european standard time", "central european summer time",
            "mitteleuropäische zeit", "mitteleuropäischer zeit", "mitteleuropäische sommerzeit", "mitteleuropäischer sommerzeit",
            "deutsche zeit", "deutscher zeit", "german time", "berliner zeit");
        Add(ZoneNameKind.Name, Paris, "heure française", "heure de france", "french time", "heure d'europe centrale");
        Add(ZoneNameKind.Abbreviation, "Europe/Helsinki", "eet", "eest", "oez", "oesz");
        Add(ZoneNameKind.Abbreviation, "Europe/Moscow", "msk");

        Add(ZoneNameKind.CapitalsOnly, Kolkata, "ist");
        Add(ZoneNameKind.Name, Kolkata, "india time", "indian time", "indian standard time");
        Add(ZoneNameKind.Abbreviation, "Australia/Sydney", "aest", "aedt");
        Add(ZoneNameKind.Name, "Australia/Sydney", "australian eastern time", "australian eastern standard time");
        Add(ZoneNameKind.Abbreviation, "Australia/Adelaide", "acst", "acdt");
        Add(ZoneNameKind.Abbreviation, "Australia/Perth", "awst");
        Add(ZoneNameKind.Abbreviation, "Asia/Tokyo", "jst");
        Add(ZoneNameKind.Name, "Asia/Tokyo", "japan time", "japan standard time");
        Add(ZoneNameKind.Abbreviation, "Asia/Seoul", "kst");
        Add(ZoneNameKind.Abbreviation, "Asia/Singapore", "sgt");
        Add(ZoneNameKind.Name, "Asia/Singapore", "singapore time");
        Add(ZoneNameKind.Abbreviation, "Asia/Hong_Kong", "hkt");
        Add(ZoneNameKind.Abbreviation, "Pacific/Auckland", "nzst", "nzdt");

        Cities(NewYork, "new york", "nyc", "boston", "miami", "atlanta", "washington");
        Cities("America/Toronto", "toronto", "montreal", "montréal", "ottawa");
        Cities(Chicago, "chicago", "austin", "dallas", "houston");
        Cities(Denver, "denver");
        Cities("America/Phoenix", "phoenix", "arizona");
        Cities(LosAngeles, "san francisco", "seattle", "los angeles", "la", "sf", "san jose", "portland", "bay area");
        Cities("America/Vancouver", "vancouver");
        Cities("America/Mexico_City", "mexico city");
        Cities("America/Sao_Paulo", "sao paulo", "são paulo");
        Cities(London, "london", "londres", "edinburgh", "manchester");
        Cities("Europe/Dublin", "dublin");
        Cities("Europe/Lisbon", "lisbon", "lisbonne", "lissabon");
        Cities(Paris, "paris", "lyon");
        Cities(Berlin, "berlin", "munich", "münchen", "frankfurt", "hamburg", "cologne", "köln");
        Cities("Europe/Amsterdam", "amsterdam");
        Cities("Europe/Brussels", "brussels", "bruxelles", "brüssel");
        Cities("Europe/Zurich", "zurich", "zürich", "bern", "berne", "geneva", "genève", "genf");
        Cities("Europe/Vienna", "vienna", "wien", "vienne");
        Cities("Europe/Rome", "rome", "roma", "rom", "milan");
        Cities("Europe/Madrid", "madrid", "barcelona");
        Cities("Europe/Stockholm", "stockholm");
        Cities("Europe/Copenhagen", "copenhagen", "kopenhagen");
        Cities("Europe/Oslo", "oslo");
        Cities("Europe/Warsaw", "warsaw", "warschau", "varsovie");
        Cities("Europe/Prague", "prague", "prag");
        Cities("Europe/Budapest", "budapest");
        Cities("Europe/Belgrade", "belgrade", "belgrad");
        Cities("Europe/Helsinki", "helsinki");
        Cities("Europe/Athens", "athens", "athen", "athènes");
        Cities("Europe/Istanbul", "istanbul");
        Cities("Europe/Moscow", "moscow", "moskau", "moscou");
        Cities("Asia/Dubai", "dubai");
        Cities(Kolkata, "mumbai", "delhi", "new delhi", "bangalore", "bengaluru", "kolkata", "chennai", "hyderabad", "pune");
        Cities("Asia/Singapore", "singapore", "singapur");
        Cities("Asia/Hong_Kong", "hong kong");
        Cities("Asia/Shanghai", "beijing", "shanghai");
        Cities("Asia/Tokyo", "tokyo", "tokio");
        Cities("Asia/Seoul", "seoul");
        Cities("Australia/Sydney", "sydney");
        Cities("Australia/Melbourne", "melbourne");
        Cities("Pacific/Auckland", "auckland");

        return names.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
