using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using Azure;
using FollowUpFlow.Storage.Pipeline;

namespace FollowUpFlow.Storage;

/// <summary>Turns a failed response into a <see cref="StorageRequestException"/> with a useful, secret-free message.</summary>
internal static class StorageErrors
{
    public static StorageRequestException FromResponse(Response response, string operation)
    {
        var (bodyCode, bodyMessage) = ReadBody(response.Content);
        var code = response.Headers.TryGetValue(StorageHeaders.ErrorCode, out var headerCode) && headerCode.Length > 0
            ? headerCode
            : bodyCode;
        response.Headers.TryGetValue(StorageHeaders.RequestId, out var requestId);
        var message = Describe(operation, response.Status, code, bodyMessage ?? response.ReasonPhrase, requestId);
        return new StorageRequestException(response.Status, code, KindOf(response.Status, code), message);
    }

    public static string Describe(string operation, int status, string? code, string? serviceMessage, string? requestId)
    {
        var text = $"{operation} failed: {status}";
        if (!string.IsNullOrEmpty(code))
        {
            text += $" ({code})";
        }

        var firstLine = FirstLine(serviceMessage);
        if (firstLine.Length > 0)
        {
            text += ": " + firstLine;
        }

        return string.IsNullOrEmpty(requestId) ? text : $"{text} [request {requestId}]";
    }

    public static StorageErrorKind KindOf(int status, string? code) => code switch
    {
        "ResourceNotFound" or "TableNotFound" or "QueueNotFound" or "MessageNotFound" => StorageErrorKind.NotFound,
        "EntityAlreadyExists" or "TableAlreadyExists" or "QueueAlreadyExists" or "TableBeingDeleted" or "QueueBeingDeleted"
            => StorageErrorKind.Conflict,
        "UpdateConditionNotSatisfied" or "ConditionNotMet" or "PopReceiptMismatch" => StorageErrorKind.PreconditionFailed,
        "EntityTooLarge" or "PropertyValueTooLarge" or "RequestBodyTooLarge" or "MessageTooLarge" => StorageErrorKind.TooLarge,
        "ServerBusy" => StorageErrorKind.Throttled,
        _ => status switch
        {
            404 => StorageErrorKind.NotFound,
            409 => StorageErrorKind.Conflict,
            412 => StorageErrorKind.PreconditionFailed,
            413 => StorageErrorKind.TooLarge,
            429 or 503 => StorageErrorKind.Throttled,
            _ => StorageErrorKind.Other,
        },
    };

    /// <summary>Reads the Table service's JSON error or the Queue service's XML error; never throws.</summary>
    public static (string? Code, string? Message) ReadBody(BinaryData? body)
    {
        if (body is null || body.ToMemory().IsEmpty)
        {
            return (null, null);
        }

        try
        {
            var span = body.ToMemory().Span;
            var first = span.TrimStart(" \t\r\n\uFEFF"u8);
            if (!first.IsEmpty && first[0] == (byte)'{')
            {
                return ReadJson(body);
            }

            if (!first.IsEmpty && first[0] == (byte)'<')
            {
                var xml = XDocument.Load(body.ToStream());
                return (xml.Root?.Element("Code")?.Value, xml.Root?.Element("Message")?.Value);
            }
        }
        catch (Exception ex) when (ex is JsonException or XmlException or InvalidOperationException)
        {
            // An unreadable error body still yields the status; the body's text is not needed.
        }

        return (null, null);
    }

    private static (string? Code, string? Message) ReadJson(BinaryData body)
    {
        using var doc = JsonDocument.Parse(body.ToMemory());
        if (!doc.RootElement.TryGetProperty("odata.error", out var error) && !doc.RootElement.TryGetProperty("error", out error))
        {
            return (null, null);
        }

        var code = error.TryGetProperty("code", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
        string? message = null;
        if (error.TryGetProperty("message", out var m))
        {
            message = m.ValueKind switch
            {
                JsonValueKind.String => m.GetString(),
                JsonValueKind.Object when m.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.String => v.GetString(),
                _ => null,
            };
        }

        return (code, message);
    }

    private static string FirstLine(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var end = text.IndexOfAny(['\r', '\n']);
        return (end < 0 ? text : text[..end]).Trim();
    }
}
