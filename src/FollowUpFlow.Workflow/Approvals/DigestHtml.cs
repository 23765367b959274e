using System.Net;
using System.Text;

namespace FollowUpFlow.Workflow.Approvals;

/// <summary>
/// The digest's HTML alternative: the same words as its text, with the links as buttons the candidate can tap rather
/// than long addresses. Every value is HTML-encoded (names, subjects and previews come from emails and recruiters);
/// inline styles only, since mail clients drop style sheets.
/// </summary>
internal static class DigestHtml
{
    private const string LinkStyle = "display:inline-block;padding:8px 14px;margin:4px 8px 4px 0;border-radius:4px;text-decoration:none;font-weight:bold;";

    public static string Render(DigestContent content)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\"><title>FollowUpFlow</title></head>\n");
        html.Append("<body style=\"font-family:Segoe UI,Helvetica,Arial,sans-serif;font-size:15px;line-height:1.45;color:#1a1a1a;max-width:640px\">\n");
        html.Append("<p>").Append(E(content.Greeting)).Append("</p>\n");
        html.Append("<p>").Append(E(content.Lead)).Append("</p>\n");
        foreach (var section in content.Sections)
        {
            html.Append("<hr style=\"border:none;border-top:1px solid #ddd\">\n");
            html.Append("<h2 style=\"font-size:17px;margin:12px 0 4px\">").Append(E(section.Title)).Append("</h2>\n");
            html.Append("<p style=\"margin:0;color:#555\">").Append(E(section.Where)).Append("</p>\n");
            html.Append("<p style=\"margin:4px 0\"><strong>Subject:</strong> ").Append(E(section.Subject)).Append("</p>\n");
            if (section.Preview.Count > 0)
            {
                html.Append("<blockquote style=\"margin:8px 0;padding:4px 12px;border-left:3px solid #ccc;color:#333\">");
                html.Append(string.Join("<br>", section.Preview.Select(E)));
                html.Append("</blockquote>\n");
            }

            html.Append("<p>");
            html.Append("<a href=\"").Append(E(section.ApproveUrl)).Append("\" style=\"").Append(LinkStyle).Append("background:#0b57d0;color:#ffffff\">Approve and send as it is</a>");
            html.Append("<a href=\"").Append(E(section.EditUrl)).Append("\" style=\"").Append(LinkStyle).Append("border:1px solid #0b57d0;color:#0b57d0\">Edit it first</a>");
            html.Append("</p>\n");
            html.Append("<p style=\"font-size:13px;color:#555\">The approve link works until ").Append(E(section.LinkExpires)).Append('.');
            if (section.DraftExpires is { } draftExpires)
            {
                html.Append("<br>Unapproved, the draft itself expires at ").Append(E(draftExpires)).Append('.');
            }

            html.Append("</p>\n");
        }

        if (content.NotListed > 0)
        {
            html.Append("<p>").Append(content.NotListed).Append(" more drafts wait in <a href=\"").Append(E(content.DraftsUrl)).Append("\">the dashboard</a>.</p>\n");
        }

        html.Append("<hr style=\"border:none;border-top:1px solid #ddd\">\n");
        html.Append("<p style=\"font-size:13px;color:#555\">").Append(E(DigestComposer.LinksWorkOnce)).Append("<br>").Append(E(DigestComposer.NotExpected)).Append("</p>\n");
        html.Append("<p style=\"font-size:13px;color:#555\">-- <br>FollowUpFlow</p>\n");
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
