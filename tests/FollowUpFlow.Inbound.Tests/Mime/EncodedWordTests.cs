using System.Text;
using FollowUpFlow.Inbound.Mime;

namespace FollowUpFlow.Inbound.Tests.Mime;

public sealed class EncodedWordTests
{
    static EncodedWordTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static string? Subject(string raw) => Mail.Parse($"Subject: {raw}\n\nbody").Subject;

    [Theory]
    [InlineData("utf-8", "Entretien confirmé – café ☕")]
    [InlineData("iso-8859-1", "Entretien confirmé à Genève")]
    [InlineData("iso-8859-2", "Pozvánka na pohovor: Łódź, Žilina")]
    [InlineData("iso-8859-5", "Собеседование")]
    [InlineData("iso-8859-7", "Συνέντευξη")]
    [InlineData("iso-8859-15", "Prix 100 €, œuvre")]
    [InlineData("windows-1250", "Pohovor – Příbram")]
    [InlineData("windows-1251", "Приглашение на собеседование")]
    [InlineData("windows-1252", "“Interview” – confirmed")]
    [InlineData("koi8-r", "Приглашение на собеседование")]
    [InlineData("shift_jis", "面接のご案内")]
    [InlineData("euc-jp", "面接のご案内")]
    [InlineData("iso-2022-jp", "面接のご案内")]
    [InlineData("gb2312", "面试邀请")]
    [InlineData("gbk", "面試邀请")]
    [InlineData("big5", "面試邀請")]
    [InlineData("euc-kr", "면접 안내")]
    [InlineData("ks_c_5601-1987", "면접 안내")]
    public void Encoded_words_decode_in_every_charset_family(string charset, string text)
    {
        var bytes = Encoding.GetEncoding(charset).GetBytes(text);
        var b = $"=?{charset}?B?{Convert.ToBase64String(bytes)}?=";
        var q = $"=?{charset.ToUpperInvariant()}?q?{string.Concat(bytes.Select(x => $"={x:x2}"))}?=";

        Assert.Equal(text, Subject(b));
        Assert.Equal(text, Subject(q));
    }

    [Theory]
    [InlineData("(=?ISO-8859-1?Q?a?=)", "(a)")]
    [InlineData("(=?ISO-8859-1?Q?a?= b)", "(a b)")]
    [InlineData("(=?ISO-8859-1?Q?a?= =?ISO-8859-1?Q?b?=)", "(ab)")]
    [InlineData("(=?ISO-8859-1?Q?a?=  =?ISO-8859-1?Q?b?=)", "(ab)")]
    [InlineData("(=?ISO-8859-1?Q?a?=\n    =?ISO-8859-1?Q?b?=)", "(ab)")]
    [InlineData("(=?ISO-8859-1?Q?a_b?=)", "(a b)")]
    [InlineData("(=?ISO-8859-1?Q?a?= =?ISO-8859-2?Q?_b?=)", "(a b)")]
    [InlineData("=?US-ASCII?Q?Keith_Moore?=", "Keith Moore")]
    [InlineData("=?ISO-8859-1?Q?Andr=E9?= Pirard", "André Pirard")]
    public void Whitespace_between_encoded_words_follows_rfc_2047_section_8(string raw, string expected)
    {
        Assert.Equal(expected, Subject(raw));
    }

    [Fact]
    public void A_character_split_across_two_words_is_joined_before_decoding()
    {
        // "€" is E2 82 AC in UTF-8; the first word carries two bytes of it, the second the last.
        Assert.Equal("Prix: 5€ net", Subject("Prix: 5=?UTF-8?B?4oI=?= =?UTF-8?B?rA==?= net"));
    }

    [Fact]
    public void Lower_case_hex_and_language_suffix_are_accepted()
    {
        Assert.Equal("café", Subject("=?utf-8*fr?q?caf=c3=a9?="));
    }

    [Fact]
    public void An_unknown_charset_falls_back_to_utf8_then_latin1_with_a_problem()
    {
        var utf8 = Mail.Parse("Subject: =?x-made-up?Q?caf=C3=A9?=\n\nbody");
        var latin1 = Mail.Parse("Subject: =?x-made-up?Q?caf=E9?=\n\nbody");

        Assert.Equal("café", utf8.Subject);
        Assert.Equal("café", latin1.Subject);
        Assert.Contains(MimeProblemCodes.CharsetUnknown, Mail.Codes(utf8));
        Assert.Contains(MimeProblemCodes.CharsetUnknown, Mail.Codes(latin1));
    }

    [Fact]
    public void Base64_words_without_padding_still_decode()
    {
        Assert.Equal("Hello", Subject("=?utf-8?B?SGVsbG8?="));
    }

    [Theory]
    [InlineData("=?utf-8?Q?unterminated")]
    [InlineData("=?utf-8?X?unknown_encoding?=")]
    [InlineData("=??Q?no_charset?=")]
    [InlineData("=?utf-8?Q?has space?=")]
    public void Malformed_words_stay_as_written(string raw)
    {
        Assert.Equal(raw, Subject(raw));
    }

    [Fact]
    public void Encoded_words_next_to_text_are_decoded_with_the_text_kept()
    {
        Assert.Equal("Re: Entretien prévu", Subject("Re: Entretien =?iso-8859-1?q?pr=E9vu?="));
    }
}
