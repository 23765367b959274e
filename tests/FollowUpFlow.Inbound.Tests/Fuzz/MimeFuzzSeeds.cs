using System.Text;
using System.Text.RegularExpressions;
using FollowUpFlow.Inbound.Mime;
using FollowUpFlow.Inbound.Tests.Mime;

namespace FollowUpFlow.Inbound.Tests.Fuzz;

/// <summary>A message to mutate, and its name for reproducing a failure.</summary>
internal sealed record MimeFuzzSeed(string Name, byte[] Bytes);

/// <summary>The seeds: every corpus message (single files and each message of each mbox) and a few crafted ones.</summary>
internal static partial class MimeFuzzSeeds
{
    // Declared before the properties built from it: static fields initialise in order.
    private static readonly string[] Crafted =
    [
        """
        From: =?utf-8?B?UmVuw6llIER1cG9udA==?= <renee@example.fr>, "Doe, J." <j@x.org>, Team: a@x.org, b@x.org;
        To: =?iso-2022-jp?B?GyRCRnxLXDhsGyhC?= <jp@example.jp>
        Subject: =?utf-8?Q?Entretien_confirm=C3=A9?= =?utf-8?B?IOKAkyBsdW5kaQ==?=
        Date: Mon, 3 Jun 96 9:42 EDT
        Message-ID: <a@b>
        References: <c@d> <e@f>
        Content-Type: multipart/mixed; boundary="x"

        --x
        Content-Type: multipart/alternative; boundary="x"

        --x
        Content-Type: text/plain; charset=iso-8859-1
        Content-Transfer-Encoding: quoted-printable

        Caf=E9 =3D soft=
         break=
        --x
        Content-Type: text/html; charset=utf-8
        Content-Transfer-Encoding: base64

        PHA+PGEgaHJlZj0iaHR0cHM6Ly96b29tLnVzL2ovNDIiPkpvaW48L2E+PC9wPg==
        --x--
        --x
        Content-Type: application/pdf;
         name*0*=utf-8''J%C3%BCrgen%20;
         name*1="CV.pdf"
        Content-Disposition: attachment; filename*=utf-8''CV.pdf
        Content-Transfer-Encoding: base64

        JVBERi0xLjQK
        --x--
        """,
        """
        Subject: digest
        Content-Type: multipart/digest; boundary=d

        --d

        Subject: one
        Content-Type: message/rfc822

        Subject: inner

        --d
        Content-Type: message/rfc822
        Content-Transfer-Encoding: base64

        U3ViamVjdDogZW5jb2RlZA0KDQpib2R5
        --d--
        """,
        """
        Subject: calendar
        Content-Type: multipart/alternative; boundary=c

        --c
        Content-Type: text/plain

        View this email in a browser that supports HTML.
        --c
        Content-Type: text/calendar; method=REQUEST

        BEGIN:VCALENDAR
        END:VCALENDAR
        --c
        Content-Type: application/octet-stream
        Content-Transfer-Encoding: x-uuencode

        begin 644 a.ics
        #0V%T
        `
        end
        --c--
        """,
        "Subject: bare\n\n" + string.Concat(Enumerable.Repeat("Content-Type: multipart/mixed; boundary=n\n\n--n\n", 40)) + "deep",
    ];

    public static IReadOnlyList<MimeFuzzSeed> All { get; } = Load();

    /// <summary>Boundary delimiters found in the seeds, so insertions can cut and close real multiparts.</summary>
    public static IReadOnlyList<string> Delimiters { get; } = FindDelimiters();

    private static List<MimeFuzzSeed> Load()
    {
        var seeds = Corpora.MessageFiles.Select(f => new MimeFuzzSeed(Path.GetFileName(f), File.ReadAllBytes(f))).ToList();
        foreach (var mbox in Corpora.MboxFiles)
        {
            var index = 0;
            foreach (var entry in MboxSplitter.Split(File.ReadAllBytes(mbox)))
            {
                seeds.Add(new MimeFuzzSeed($"{Path.GetFileName(mbox)}#{++index}", entry.Message.ToArray()));
            }
        }

        seeds.AddRange(Crafted.Select((text, i) => new MimeFuzzSeed($"crafted#{i + 1}", Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\r\n")))));
        return seeds;
    }

    private static List<string> FindDelimiters()
    {
        var boundaries = All
            .SelectMany(seed => BoundaryParameter().Matches(Encoding.Latin1.GetString(seed.Bytes)).Select(m => m.Groups[1].Value))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return [.. boundaries.SelectMany(b => new[] { $"\r\n--{b}\r\n", $"\n--{b}--\n", $"--{b}" })];
    }

    [GeneratedRegex("boundary=\"?([^\";\\r\\n]{1,100})", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 1000)]
    private static partial Regex BoundaryParameter();
}
