using System.Text;

namespace FollowUpFlow.App.Tests.Inbound.Support;

/// <summary>Messages as a mail client would send them, with CRLF line ends.</summary>
public static class SampleMail
{
    /// <summary>The bytes of the PDF attachment of <see cref="Confirmation"/>.</summary>
    public static readonly byte[] AgendaPdf = Encoding.ASCII.GetBytes("%PDF-1.4\n% agenda\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");

    public static readonly byte[] LogoPng = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D];

    /// <summary>
    /// A confirmation with a latin1 quoted-printable text body, a UTF-8 HTML body, a PDF attachment and an inline
    /// image: every shape SendGrid's parsed mode splits apart.
    /// </summary>
    public static byte[] Confirmation(string messageId = "confirm-77@contoso.example") => Crlf($"""
        Return-Path: <riley@contoso.example>
        Received: from mail.contoso.example by mx.parse.example.com; Mon, 7 Dec 2026 09:00:01 +0000
        From: Riley Recruiter <riley@contoso.example>
        To: Alex Morgan <alex@example.com>
        Subject: =?utf-8?Q?Interview_confirmation_=E2=80=93_Contoso?=
        Date: Mon, 7 Dec 2026 09:00:00 +0000
        Message-ID: <{messageId}>
        MIME-Version: 1.0
        Content-Type: multipart/mixed;
         boundary="outer-boundary"

        --outer-boundary
        Content-Type: multipart/alternative; boundary="alt-boundary"

        --alt-boundary
        Content-Type: text/plain; charset=iso-8859-1
        Content-Transfer-Encoding: quoted-printable

        Caf=E9 at 14:00 on Thursday, then the panel. See you then.

        --alt-boundary
        Content-Type: text/html; charset=utf-8
        Content-Transfer-Encoding: 8bit

        <p>Café at 14:00 on Thursday</p>
        --alt-boundary--

        --outer-boundary
        Content-Type: application/pdf; name="agenda.pdf"
        Content-Disposition: attachment; filename="agenda.pdf"
        Content-Transfer-Encoding: base64

        {Convert.ToBase64String(AgendaPdf)}
        --outer-boundary
        Content-Type: image/png
        Content-Disposition: inline
        Content-ID: <logo@contoso.example>
        Content-Transfer-Encoding: base64

        {Convert.ToBase64String(LogoPng)}
        --outer-boundary--

        """);

    public static byte[] Plain(string messageId, string subject = "Hello") => Crlf($"""
        From: Riley Recruiter <riley@contoso.example>
        To: Alex Morgan <alex@example.com>
        Subject: {subject}
        Message-ID: <{messageId}>

        Hello.

        """);

    private static byte[] Crlf(string text) => Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\r\n"));
}
