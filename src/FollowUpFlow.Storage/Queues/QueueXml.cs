using System.Globalization;
using System.Text;
using System.Xml.Linq;

namespace FollowUpFlow.Storage.Queues;

/// <summary>The Queue service's XML: the put body, and the QueueMessagesList it answers with.</summary>
internal static class QueueXml
{
    public static byte[] MessageBody(string base64Text) =>
        Encoding.UTF8.GetBytes(new XElement("QueueMessage", new XElement("MessageText", base64Text)).ToString(SaveOptions.DisableFormatting));

    public static IEnumerable<XElement> Messages(BinaryData body)
    {
        var doc = XDocument.Load(body.ToStream());
        return doc.Root?.Elements("QueueMessage") ?? [];
    }

    public static string Required(XElement message, string name) =>
        message.Element(name)?.Value ?? throw new FormatException($"The queue service's answer has no {name}.");

    public static DateTimeOffset Date(XElement message, string name) =>
        DateTimeOffset.ParseExact(Required(message, name), "R", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    public static long Long(XElement message, string name) =>
        long.Parse(Required(message, name), NumberStyles.Integer, CultureInfo.InvariantCulture);

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Our messages are base64 of UTF-8; one that is not (put by another tool as plain text) comes back unchanged.</summary>
    public static string DecodeText(string messageText)
    {
        var buffer = new byte[(messageText.Length * 3 / 4) + 3];
        if (!Convert.TryFromBase64String(messageText, buffer, out var written))
        {
            return messageText;
        }

        try
        {
            return StrictUtf8.GetString(buffer, 0, written);
        }
        catch (DecoderFallbackException)
        {
            return messageText;
        }
    }
}
