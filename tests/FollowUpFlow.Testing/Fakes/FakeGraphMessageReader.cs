using System.Text.Json;

namespace FollowUpFlow.Testing.Fakes;

/// <summary>
/// Reads a message resource from a create or update body the way Graph documents it: known property names only, each of
/// its documented JSON type, recipients as <c>{"emailAddress":{"address","name"}}</c>, custom headers named X-… and
/// settable only at creation. Every departure is a problem, answered as Graph answers a body it cannot read.
/// </summary>
internal sealed class FakeGraphMessageReader
{
    private static readonly HashSet<string> Importances = new(StringComparer.OrdinalIgnoreCase) { "low", "normal", "high" };
    private static readonly HashSet<string> BodyTypes = new(StringComparer.OrdinalIgnoreCase) { "text", "html" };

    private readonly List<string> _problems = [];

    public IReadOnlyList<string> Problems => _problems;

    public string? Subject { get; private set; }

    public (string ContentType, string Content)? Body { get; private set; }

    public List<FakeGraphRecipient>? ToRecipients { get; private set; }

    public List<FakeGraphRecipient>? CcRecipients { get; private set; }

    public List<FakeGraphRecipient>? ReplyTo { get; private set; }

    public string? InternetMessageId { get; private set; }

    public List<KeyValuePair<string, string>>? InternetMessageHeaders { get; private set; }

    public Dictionary<string, string>? ExtendedProperties { get; private set; }

    /// <param name="forUpdate">PATCH: only the documented updatable properties.</param>
    public static FakeGraphMessageReader Read(string json, bool forUpdate)
    {
        var reader = new FakeGraphMessageReader();
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                reader._problems.Add("The body is not a JSON object.");
            }
            else
            {
                reader.ReadMessage(document.RootElement, forUpdate);
            }
        }
        catch (JsonException exception)
        {
            reader._problems.Add($"The body is not valid JSON: {exception.Message}");
        }

        return reader;
    }

    private void ReadMessage(JsonElement message, bool forUpdate)
    {
        foreach (var property in message.EnumerateObject())
        {
            var value = property.Value;
            switch (property.Name)
            {
                case "@odata.type":
                    ExpectODataType(value, "#microsoft.graph.message", "message");
                    break;
                case "subject":
                    Subject = ExpectString(value, "subject");
                    break;
                case "body":
                    Body = ReadItemBody(value);
                    break;
                case "toRecipients":
                    ToRecipients = ReadRecipients(value, "toRecipients");
                    break;
                case "ccRecipients":
                    CcRecipients = ReadRecipients(value, "ccRecipients");
                    break;
                case "bccRecipients":
                    ReadRecipients(value, "bccRecipients");
                    break;
                case "replyTo":
                    ReplyTo = ReadRecipients(value, "replyTo");
                    break;
                case "from" or "sender":
                    ReadRecipient(value, property.Name);
                    break;
                case "internetMessageId":
                    InternetMessageId = ReadInternetMessageId(value);
                    break;
                case "internetMessageHeaders" when forUpdate:
                    _problems.Add("internetMessageHeaders cannot be updated: Graph takes custom headers only when the message is created.");
                    break;
                case "internetMessageHeaders":
                    InternetMessageHeaders = ReadHeaders(value);
                    break;
                case "singleValueExtendedProperties":
                    ExtendedProperties = ReadExtendedProperties(value);
                    break;
                case "importance":
                    if (ExpectString(value, "importance") is { } importance && !Importances.Contains(importance))
                    {
                        _problems.Add($"importance '{importance}' is not low, normal or high.");
                    }

                    break;
                case "isDeliveryReceiptRequested" or "isReadReceiptRequested" or "isRead":
                    if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                    {
                        _problems.Add($"{property.Name} must be a JSON boolean.");
                    }

                    break;
                case "categories":
                    ExpectArray(value, "categories", item => ExpectString(item, "categories[]"));
                    break;
                default:
                    _problems.Add($"Could not find a property named '{property.Name}' on type 'microsoft.graph.message'{(forUpdate ? " that can be updated" : "")}.");
                    break;
            }
        }
    }

    private (string, string)? ReadItemBody(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            _problems.Add("body must be an itemBody object {contentType, content}.");
            return null;
        }

        string? contentType = null, content = null;
        foreach (var property in value.EnumerateObject())
        {
            switch (property.Name)
            {
                case "@odata.type":
                    ExpectODataType(property.Value, "#microsoft.graph.itemBody", "body");
                    break;
                case "contentType":
                    contentType = ExpectString(property.Value, "body.contentType");
                    if (contentType is not null && !BodyTypes.Contains(contentType))
                    {
                        _problems.Add($"body.contentType '{contentType}' is not text or html.");
                    }

                    break;
                case "content":
                    content = ExpectString(property.Value, "body.content");
                    break;
                default:
                    _problems.Add($"Could not find a property named '{property.Name}' on type 'microsoft.graph.itemBody'.");
                    break;
            }
        }

        if (contentType is null || content is null)
        {
            _problems.Add("body needs both contentType and content.");
            return null;
        }

        return (contentType, content);
    }

    private List<FakeGraphRecipient>? ReadRecipients(JsonElement value, string name) =>
        ExpectArray(value, name, item => ReadRecipient(item, name + "[]"))?.Select(r => r!).ToList();

    private FakeGraphRecipient? ReadRecipient(JsonElement value, string name)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            _problems.Add($"{name} must be a recipient object {{\"emailAddress\":{{...}}}}.");
            return null;
        }

        FakeGraphRecipient? recipient = null;
        foreach (var property in value.EnumerateObject())
        {
            switch (property.Name)
            {
                case "@odata.type":
                    ExpectODataType(property.Value, "#microsoft.graph.recipient", name);
                    break;
                case "emailAddress":
                    recipient = ReadEmailAddress(property.Value, name + ".emailAddress");
                    break;
                default:
                    _problems.Add($"Could not find a property named '{property.Name}' on type 'microsoft.graph.recipient'.");
                    break;
            }
        }

        if (recipient is null)
        {
            _problems.Add($"{name} has no emailAddress.");
        }

        return recipient;
    }

    private FakeGraphRecipient? ReadEmailAddress(JsonElement value, string name)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            _problems.Add($"{name} must be an object {{address, name}}.");
            return null;
        }

        string? address = null, displayName = null;
        foreach (var property in value.EnumerateObject())
        {
            switch (property.Name)
            {
                case "@odata.type":
                    ExpectODataType(property.Value, "#microsoft.graph.emailAddress", name);
                    break;
                case "address":
                    address = ExpectString(property.Value, name + ".address");
                    break;
                case "name" when property.Value.ValueKind == JsonValueKind.Null:
                    break;
                case "name":
                    displayName = ExpectString(property.Value, name + ".name");
                    break;
                default:
                    _problems.Add($"Could not find a property named '{property.Name}' on type 'microsoft.graph.emailAddress'.");
                    break;
            }
        }

        var at = address?.IndexOf('@', StringComparison.Ordinal) ?? -1;
        if (address is null || at <= 0 || at == address.Length - 1 || address.Any(char.IsWhiteSpace))
        {
            _problems.Add($"{name}.address must be an SMTP address.");
            return null;
        }

        return new FakeGraphRecipient(address, displayName);
    }

    private string? ReadInternetMessageId(JsonElement value)
    {
        var id = ExpectString(value, "internetMessageId");
        if (id is not null && (id.Length < 5 || id[0] != '<' || id[^1] != '>' || !id.Contains('@', StringComparison.Ordinal) || id.Any(c => c is < '!' or > '~')))
        {
            _problems.Add("internetMessageId must be an RFC 2822 msg-id such as <local@domain>.");
            return null;
        }

        return id;
    }

    private List<KeyValuePair<string, string>>? ReadHeaders(JsonElement value) =>
        ExpectArray(value, "internetMessageHeaders", item =>
        {
            var name = ReadNameValue(item, "internetMessageHeaders[]", "name", "#microsoft.graph.internetMessageHeader", out var headerValue);
            if (name is not null && !name.StartsWith("x-", StringComparison.OrdinalIgnoreCase))
            {
                _problems.Add($"The internet message header name '{name}' should start with 'x-' or 'X-'.");
                return (KeyValuePair<string, string>?)null;
            }

            return name is null ? null : new KeyValuePair<string, string>(name, headerValue!);
        })?.Select(h => h!.Value).ToList();

    private Dictionary<string, string>? ReadExtendedProperties(JsonElement value)
    {
        var pairs = ExpectArray(value, "singleValueExtendedProperties", item =>
        {
            var id = ReadNameValue(item, "singleValueExtendedProperties[]", "id", "#microsoft.graph.singleValueLegacyExtendedProperty", out var propertyValue);
            return id is null ? (KeyValuePair<string, string>?)null : new KeyValuePair<string, string>(id, propertyValue!);
        });
        return pairs?.Select(p => p!.Value).ToDictionary(p => p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase);
    }

    private string? ReadNameValue(JsonElement item, string name, string keyProperty, string odataType, out string? value)
    {
        value = null;
        if (item.ValueKind != JsonValueKind.Object)
        {
            _problems.Add($"{name} must be an object {{{keyProperty}, value}}.");
            return null;
        }

        string? key = null;
        foreach (var property in item.EnumerateObject())
        {
            if (property.Name == keyProperty)
            {
                key = ExpectString(property.Value, $"{name}.{keyProperty}");
            }
            else if (property.Name == "value")
            {
                value = ExpectString(property.Value, name + ".value");
            }
            else if (property.Name == "@odata.type")
            {
                ExpectODataType(property.Value, odataType, name);
            }
            else
            {
                _problems.Add($"Could not find a property named '{property.Name}' on {name}.");
            }
        }

        if (key is null || value is null)
        {
            _problems.Add($"{name} needs both {keyProperty} and value as strings.");
            return null;
        }

        return key;
    }

    private List<T?>? ExpectArray<T>(JsonElement value, string name, Func<JsonElement, T?> readItem)
    {
        if (value.ValueKind != JsonValueKind.Array)
        {
            _problems.Add($"{name} must be a JSON array.");
            return null;
        }

        var items = value.EnumerateArray().Select(readItem).ToList();
        return items.Contains(default) ? null : items;
    }

    private string? ExpectString(JsonElement value, string name)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            _problems.Add($"{name} must be a JSON string, not {value.ValueKind}.");
            return null;
        }

        return value.GetString();
    }

    private void ExpectODataType(JsonElement value, string expected, string name)
    {
        if (value.ValueKind != JsonValueKind.String || value.GetString() != expected)
        {
            _problems.Add($"{name} has @odata.type {value} where Graph expects {expected}.");
        }
    }
}
