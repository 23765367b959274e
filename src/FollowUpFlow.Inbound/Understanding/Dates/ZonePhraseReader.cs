namespace FollowUpFlow.Inbound.Understanding.Dates;

/// <summary>Reads the zone after a time: "EST", "Eastern Time (US &amp; Canada)", "MEZ", "heure de Paris", "(GMT+1)", "+01:00", "(UTC+01:00) Amsterdam, Berlin".</summary>
internal static class ZonePhraseReader
{
    private const int ParenthesisReach = 8;

    /// <param name="afterSeconds">The time had seconds ("14:00:00-05:00"): a dash with "HH:MM" is an offset there, a range elsewhere ("10:00-11:00").</param>
    public static bool TryRead(DateTokens t, int i, bool afterSeconds, out ZonePhrase zone)
    {
        zone = default;
        if (!t.SameLine(i))
        {
            return false;
        }

        // Outlook ends the time with a dot before the zone: "3:30 PM-4:15 PM. (UTC-08:00) Pacific Time (US & Canada)".
        int open = t.IsSymbol(i, '.') && t.IsSymbol(i + 1, '(') && (t.IsKey(i + 2, "utc") || t.IsKey(i + 2, "gmt")) ? i + 1 : i;
        bool parenthesis = t.IsSymbol(open, '(') && t.SameLine(open);
        int p = parenthesis ? open + 1 : open;
        bool closed = false;
        if (!TryOffset(t, p, parenthesis, afterSeconds, ref zone, out int last, ref closed))
        {
            if (!TryName(t, p, allowCity: parenthesis, out var entry, out last))
            {
                return false;
            }

            zone.Zone = entry.Zone;
            last = SkipRegionNote(t, last);
        }

        if (parenthesis && !closed)
        {
            last = ClosingParenthesis(t, last + 1) ?? last; // "(Eastern Time - New York)"
        }

        zone.Last = last;
        return true;
    }

    // "GMT", "GMT+1", "UTC-05:00", "+0100", "(GMT+01:00) Amsterdam, Berlin": a name after the offset wins over it.
    private static bool TryOffset(DateTokens t, int p, bool parenthesis, bool afterSeconds, ref ZonePhrase zone, out int last, ref bool closed)
    {
        last = p;
        bool named = t.IsKey(p, "gmt") || t.IsKey(p, "utc");
        int q = named ? p + 1 : p;
        bool signed = (t.IsSymbol(q, '+') || t.IsSymbol(q, '-')) && t.SameLine(q) && t.IsNumber(q + 1) && t.Attached(q + 1);
        if (!signed)
        {
            if (!named)
            {
                return false;
            }

            zone.Zone = "UTC";
            last = p;
            return true;
        }

        int sign = t.IsSymbol(q, '-') ? -1 : 1;
        int digits = q + 1;
        int hours, minutes = 0;
        last = digits;
        bool withMinutes = t.IsSymbol(digits + 1, ':') && t.Attached(digits + 1) && t.IsNumber(digits + 2) && t[digits + 2].Length == 2 && t.Attached(digits + 2);
        if (t[digits].Length == 4)
        {
            hours = t[digits].Value / 100;
            minutes = t[digits].Value % 100;
        }
        else if (named ? t[digits].Length <= 2 : t[digits].Length == 2 && withMinutes && (sign > 0 || afterSeconds))
        {
            // Without "GMT"/"UTC" only "+01:00" counts, and "-05:00" only after seconds: "+1" and "10:00-11:00" are not zones.
            hours = t[digits].Value;
            if (withMinutes)
            {
                minutes = t[digits + 2].Value;
                last = digits + 2;
            }
        }
        else
        {
            return false;
        }

        if (hours > 14 || minutes >= 60)
        {
            return false;
        }

        int offset = sign * ((hours * 60) + minutes);
        int next = last + 1;
        if (parenthesis && t.IsSymbol(next, ')'))
        {
            closed = true;
            last = next++;
        }

        if (TryNameList(t, next, out var listed, out int listLast))
        {
            zone.Zone = listed;
            last = listLast;
        }
        else
        {
            zone.Zone = TimeZoneNames.FromOffset(offset);
            zone.OffsetMinutes = offset;
        }

        return true;
    }

    // "Amsterdam, Berlin, Bern, Rome": the first name decides; the whole list belongs to the zone.
    private static bool TryNameList(DateTokens t, int p, out string? zone, out int last)
    {
        zone = null;
        last = p;
        while (TryName(t, p, allowCity: true, out var entry, out int nameLast))
        {
            zone ??= entry.Zone;
            last = SkipRegionNote(t, nameLast);
            if (!t.IsSymbol(last + 1, ','))
            {
                break;
            }

            p = last + 2;
        }

        return zone is not null;
    }

    // The longest catalog name starting at p, up to five words on one line ("d'Europe" counts as two words).
    private static bool TryName(DateTokens t, int p, bool allowCity, out ZoneEntry entry, out int last)
    {
        entry = default;
        last = p;
        Span<int> words = stackalloc int[ZoneCatalog.LongestName];
        int count = 0;
        for (int k = p; k < t.Count && count < words.Length; k++)
        {
            if (t[k].Kind == TokenKind.Word && (count == 0 ? t.SameLine(k) : t[k].Gap == Gap.Space || t.IsSymbol(k - 1, '\'')))
            {
                words[count++] = k;
            }
            else if (!(count > 0 && t.IsSymbol(k, '\'') && t.Attached(k)))
            {
                break;
            }
        }

        // Fold the words once into one key, remembering where each prefix ends; then try the longest prefix first.
        Span<char> key = stackalloc char[ZoneCatalog.LongestKey];
        Span<int> ends = stackalloc int[ZoneCatalog.LongestName];
        int length = 0, folded = 0;
        for (; folded < count; folded++)
        {
            int separator = folded == 0 ? 0 : 1;
            if (length + separator >= key.Length)
            {
                break;
            }

            key[length] = ' ';
            var word = t.Text.AsSpan(t[words[folded]].Start, t[words[folded]].Length);
            int written = TextFolding.Fold(word, key[(length + separator)..]);
            if (written < 0)
            {
                break;
            }

            length += separator + written;
            ends[folded] = length;
        }

        for (int n = folded; n > 0; n--)
        {
            if (ZoneCatalog.TryGet(key[..ends[n - 1]], out var found) && Allowed(t, found, words[0], n, allowCity))
            {
                entry = found;
                last = words[n - 1];
                return true;
            }
        }

        return false;
    }

    private static bool Allowed(DateTokens t, ZoneEntry entry, int first, int words, bool allowCity) => entry.Kind switch
    {
        ZoneNameKind.CapitalsOnly => words == 1 && t[first].Upper,
        ZoneNameKind.City => allowCity,
        _ => true,
    };

    // "(US & Canada)" / "(US and Canada)" after an Outlook zone name.
    private static int SkipRegionNote(DateTokens t, int last)
    {
        int p = last + 1;
        if (t.IsSymbol(p, '(') && t.IsKey(p + 1, "us") && (t.IsSymbol(p + 2, '&') || t.IsWord(p + 2, WordRole.And))
            && t.IsKey(p + 3, "canada") && t.IsSymbol(p + 4, ')'))
        {
            return p + 4;
        }

        return last;
    }

    private static int? ClosingParenthesis(DateTokens t, int from)
    {
        for (int k = from; k < from + ParenthesisReach && t.SameLine(k); k++)
        {
            if (t.IsSymbol(k, ')'))
            {
                return k;
            }

            if (t.IsSymbol(k, '('))
            {
                break;
            }
        }

        return null;
    }
}
