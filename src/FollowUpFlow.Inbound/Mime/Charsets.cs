using System.Collections.Concurrent;
using System.Text;

namespace FollowUpFlow.Inbound.Mime;

/// <summary>Finds a .NET encoding for a MIME charset label (code pages included) without throwing on unknown labels.</summary>
internal static class Charsets
{
    private const int MaxCachedLabels = 512;

    private static readonly ConcurrentDictionary<string, Encoding?> Cache = new(StringComparer.OrdinalIgnoreCase);

    static Charsets() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding Utf8 { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    public static Encoding Windows1252 { get; } = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    /// <summary>The encoding for a charset label, or null when .NET knows no such charset.</summary>
    public static Encoding? Find(string? label)
    {
        if (string.IsNullOrWhiteSpace(label))
        {
            return null;
        }

        if (Cache.TryGetValue(label, out var cached))
        {
            return cached;
        }

        var found = Lookup(Normalize(label));
        if (Cache.Count < MaxCachedLabels)
        {
            Cache.TryAdd(label, found);
        }

        return found;
    }

    /// <summary>True for labels whose 8-bit bytes are really Windows-1252 in practice (and for which UTF-8 is the usual mislabel).</summary>
    public static bool IsLatinLabel(Encoding encoding) => encoding.CodePage is 20127 or 28591 or 1252;

    /// <summary>Decodes bytes that carry no usable charset: ASCII as is, valid UTF-8 as UTF-8, otherwise Windows-1252.</summary>
    public static string DecodeUnlabelled(ReadOnlySpan<byte> bytes, out bool usedFallback)
    {
        usedFallback = false;
        if (Ascii.IsValid(bytes))
        {
            return Encoding.ASCII.GetString(bytes);
        }

        if (System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return Utf8.GetString(bytes);
        }

        usedFallback = true;
        return Windows1252.GetString(bytes);
    }

    private static string Normalize(string label)
    {
        var name = label.Trim().Trim('"', '\'').ToLowerInvariant();
        var star = name.IndexOf('*', StringComparison.Ordinal);
        if (star >= 0)
        {
            // RFC 2231 language suffix: "utf-8*en".
            name = name[..star];
        }

        if (name.StartsWith("iso8859", StringComparison.Ordinal))
        {
            name = "iso-8859" + name["iso8859".Length..];
        }
        else if (name.StartsWith("iso_8859", StringComparison.Ordinal))
        {
            name = "iso-8859" + name["iso_8859".Length..];
        }

        return name switch
        {
            "utf8" or "utf-8" or "unicode-1-1-utf-8" or "x-unicode20utf8" => "utf-8",
            "latin1" or "latin-1" or "l1" or "iso-8859-1:1987" => "iso-8859-1",
            "ascii" or "us_ascii" or "ansi_x3.4-1968" or "iso646-us" => "us-ascii",
            "cp1250" or "cp1251" or "cp1252" or "cp1253" or "cp1254" or "cp1255" or "cp1256" or "cp1257" or "cp1258"
                => "windows-" + name[2..],
            "x-sjis" or "shift-jis" or "sjis" or "ms_kanji" or "cp932" or "windows-31j" => "shift_jis",
            "ks_c_5601" or "ks_c_5601-1989" or "ksc5601" or "cp949" or "windows-949" => "ks_c_5601-1987",
            "gbk" or "cp936" or "x-gbk" => "gbk",
            "x-euc-jp" => "euc-jp",
            _ => name,
        };
    }

    private static Encoding? Lookup(string name)
    {
        switch (name)
        {
            case "utf-8":
                return Utf8;
            case "us-ascii":
                return Encoding.ASCII;
            case "iso-8859-1":
                return Encoding.Latin1;
            case "utf-16" or "utf-16le":
                return Encoding.Unicode;
            case "utf-16be":
                return Encoding.BigEndianUnicode;
            case "utf-32" or "utf-32le":
                return Encoding.UTF32;
            default:
                // The provider answers null (instead of throwing) for names it does not know.
                return CodePagesEncodingProvider.Instance.GetEncoding(name);
        }
    }
}
