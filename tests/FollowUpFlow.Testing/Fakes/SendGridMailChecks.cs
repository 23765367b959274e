using System.Text;
using System.Text.Json;

namespace FollowUpFlow.Testing.Fakes;

/// <summary>
/// The rules SendGrid documents for a v3 mail/send body (its "Mail Send" reference and its list of mail/send
/// errors), checked on the raw JSON so the fake agrees with SendGrid rather than with our own models.
/// </summary>
internal static class SendGridMailChecks
{
    public const int MaxPersonalizations = 1000;
    public const int MaxRecipients = 1000;
    public const int MaxCategories = 10;
    public const int MaxCategoryLength = 255;
    public const int MaxCustomArgsBytes = 10_000;

    // SendGrid: "You may not overwrite the following reserved headers".
    private static readonly HashSet<string> ReservedHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "x-sg-id", "x-sg-eid", "received", "dkim-signature", "Content-Type", "Content-Transfer-Encoding",
        "To", "From", "Subject", "Reply-To", "CC", "BCC",
    };

    public static FakeSendGridMail? Check(string body, List<FakeSendGridError> errors)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            errors.Add(new FakeSendGridError("Bad Request", null));
            return null;
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new FakeSendGridError("Bad Request", null));
                return null;
            }

            var personalizations = Personalizations(root, errors);
            var from = RequiredAddress(root, "from", errors,
                "The from object must be provided for every email send. It is an object that requires the email parameter, but may also contain a name parameter.");
            FakeSendGridAddress? replyTo = null;
            if (root.TryGetProperty("reply_to", out _))
            {
                replyTo = RequiredAddress(root, "reply_to", errors,
                    "The reply_to parameter must be an object with a valid email address, and may also contain a name.");
                if (root.TryGetProperty("reply_to_list", out _))
                {
                    errors.Add(new FakeSendGridError("The reply_to and reply_to_list properties are mutually exclusive.", "reply_to"));
                }
            }

            var subject = Subject(root, personalizations, errors);
            var content = Content(root, errors);
            var headers = Headers(root, "headers", errors);
            var categories = Categories(root, errors);
            var customArgs = CustomArgs(root, errors);

            if (errors.Count > 0 || from is null)
            {
                return null;
            }

            var fields = root.EnumerateObject().Select(p => p.Name).ToArray();
            return new FakeSendGridMail(fields, personalizations, from, replyTo, subject, content, headers, categories, customArgs);
        }
    }

    private static List<FakeSendGridPersonalization> Personalizations(JsonElement root, List<FakeSendGridError> errors)
    {
        var result = new List<FakeSendGridPersonalization>();
        if (!root.TryGetProperty("personalizations", out var array) || array.ValueKind != JsonValueKind.Array || array.GetArrayLength() == 0)
        {
            errors.Add(new FakeSendGridError("You must have at least one personalization.", "personalizations"));
            return result;
        }

        if (array.GetArrayLength() > MaxPersonalizations)
        {
            errors.Add(new FakeSendGridError(
                $"The personalization block is limited to {MaxPersonalizations} personalizations per API request. You have provided {array.GetArrayLength()} personalizations.",
                "personalizations"));
            return result;
        }

        var recipients = 0;
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            var field = $"personalizations.{index}";
            if (item.ValueKind != JsonValueKind.Object)
            {
                errors.Add(new FakeSendGridError("Invalid type. Expected: object.", field));
                index++;
                continue;
            }

            var to = AddressList(item, "to", field, errors);
            if (to.Count == 0)
            {
                errors.Add(new FakeSendGridError("The to parameter is required for all personalization objects, and must have at least one email object with a valid email address.", $"{field}.to"));
            }

            var cc = AddressList(item, "cc", field, errors);
            var bcc = AddressList(item, "bcc", field, errors);
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var address in to.Concat(cc).Concat(bcc))
            {
                if (!seen.Add(address.Email))
                {
                    errors.Add(new FakeSendGridError(
                        $"Each email address in the personalization block should be unique between to, cc, and bcc. We found the first duplicate instance of [{address.Email}].",
                        field));
                    break;
                }
            }

            recipients += to.Count + cc.Count + bcc.Count;
            string? subject = null;
            if (item.TryGetProperty("subject", out var subjectElement))
            {
                subject = subjectElement.ValueKind == JsonValueKind.String ? subjectElement.GetString() : null;
                if (string.IsNullOrEmpty(subject))
                {
                    errors.Add(new FakeSendGridError("The subject of a personalization must be a string at least one character in length.", $"{field}.subject"));
                }
            }

            Headers(item, $"{field}.headers", errors);
            result.Add(new FakeSendGridPersonalization(to, cc, bcc, subject));
            index++;
        }

        if (recipients > MaxRecipients)
        {
            errors.Add(new FakeSendGridError($"There is a limit of {MaxRecipients} total recipients (to + cc + bcc) per request.", "personalizations"));
        }

        return result;
    }

    private static List<FakeSendGridAddress> AddressList(JsonElement parent, string name, string parentField, List<FakeSendGridError> errors)
    {
        var result = new List<FakeSendGridAddress>();
        if (!parent.TryGetProperty(name, out var array))
        {
            return result;
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new FakeSendGridError("Invalid type. Expected: array.", $"{parentField}.{name}"));
            return result;
        }

        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            var address = Address(item);
            if (address is null)
            {
                errors.Add(new FakeSendGridError(
                    $"Each {name} object must at least have an email address and may also contain a name. e.g. {{\"email\": \"example@example.com\"}}",
                    $"{parentField}.{name}.{index}.email"));
            }
            else
            {
                result.Add(address);
            }

            index++;
        }

        return result;
    }

    private static FakeSendGridAddress? RequiredAddress(JsonElement root, string name, List<FakeSendGridError> errors, string message)
    {
        var address = root.TryGetProperty(name, out var element) ? Address(element) : null;
        if (address is null)
        {
            errors.Add(new FakeSendGridError(message, $"{name}.email"));
        }

        return address;
    }

    private static FakeSendGridAddress? Address(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object
            || !element.TryGetProperty("email", out var email)
            || email.ValueKind != JsonValueKind.String
            || !IsEmail(email.GetString()!))
        {
            return null;
        }

        string? name = null;
        if (element.TryGetProperty("name", out var nameElement))
        {
            if (nameElement.ValueKind != JsonValueKind.String)
            {
                return null;
            }

            name = nameElement.GetString();
        }

        return new FakeSendGridAddress(email.GetString()!, name);
    }

    private static bool IsEmail(string value)
    {
        var at = value.IndexOf('@', StringComparison.Ordinal);
        return at > 0
            && at == value.LastIndexOf('@')
            && at < value.Length - 1
            && value.AsSpan(at + 1).Contains('.')
            && !value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '<' or '>' or ',' or ';');
    }

    private static string? Subject(JsonElement root, List<FakeSendGridPersonalization> personalizations, List<FakeSendGridError> errors)
    {
        if (root.TryGetProperty("subject", out var subject))
        {
            if (subject.ValueKind == JsonValueKind.String && subject.GetString()!.Length > 0)
            {
                return subject.GetString();
            }

            errors.Add(new FakeSendGridError("The subject must be a string at least one character in length.", "subject"));
            return null;
        }

        if (personalizations.Count == 0 || personalizations.Any(p => p.Subject is null))
        {
            errors.Add(new FakeSendGridError(
                "The subject is required. You can get around this requirement if you use a template with a subject defined or if every personalization has a subject defined.",
                "subject"));
        }

        return null;
    }

    private static List<FakeSendGridContent> Content(JsonElement root, List<FakeSendGridError> errors)
    {
        var result = new List<FakeSendGridContent>();
        if (!root.TryGetProperty("content", out var array) || array.ValueKind != JsonValueKind.Array || array.GetArrayLength() == 0)
        {
            errors.Add(new FakeSendGridError(
                "Unless a valid template_id is provided, the content parameter is required. There must be at least one defined content block. We typically suggest both text/plain and text/html blocks are included, but only one block is required.",
                "content"));
            return result;
        }

        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            var type = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : "";
            var value = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("value", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";
            if (type.Length == 0)
            {
                errors.Add(new FakeSendGridError("The content type must be a string at least one character in length.", $"content.{index}.type"));
            }
            else if (type.AsSpan().ContainsAny(';', '\r', '\n'))
            {
                errors.Add(new FakeSendGridError("The content type cannot contain ';', or CRLF characters.", $"content.{index}.type"));
            }

            if (value.Length == 0)
            {
                errors.Add(new FakeSendGridError("The content value must be a string at least one character in length.", $"content.{index}.value"));
            }

            result.Add(new FakeSendGridContent(type, value));
            index++;
        }

        // Other types (text/calendar, say) may follow; text/plain and text/html lead, in that order, each at most once.
        var plainCount = result.Count(c => c.Type.Equals("text/plain", StringComparison.OrdinalIgnoreCase));
        var htmlCount = result.Count(c => c.Type.Equals("text/html", StringComparison.OrdinalIgnoreCase));
        if (plainCount > 1 || htmlCount > 1)
        {
            errors.Add(new FakeSendGridError("If present, text/plain and text/html may only be provided once.", "content"));
        }

        var plain = result.FindIndex(c => c.Type.Equals("text/plain", StringComparison.OrdinalIgnoreCase));
        var html = result.FindIndex(c => c.Type.Equals("text/html", StringComparison.OrdinalIgnoreCase));
        if ((plain > 0) || (html >= 0 && html != (plain < 0 ? 0 : 1)))
        {
            errors.Add(new FakeSendGridError("If present, text/plain and text/html may only be provided in order, and text/plain must be first, followed by text/html.", "content"));
        }

        return result;
    }

    private static Dictionary<string, string> Headers(JsonElement parent, string field, List<FakeSendGridError> errors)
    {
        var result = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (!parent.TryGetProperty(field[(field.LastIndexOf('.') + 1)..], out var headers))
        {
            return result;
        }

        if (headers.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new FakeSendGridError("Invalid type. Expected: object.", field));
            return result;
        }

        foreach (var header in headers.EnumerateObject())
        {
            if (header.Value.ValueKind != JsonValueKind.String)
            {
                errors.Add(new FakeSendGridError($"Invalid type. Expected: string, given: {header.Value.ValueKind}.", $"{field}.{header.Name}"));
            }
            else if (ReservedHeaders.Contains(header.Name))
            {
                errors.Add(new FakeSendGridError($"The following header is reserved and cannot be set: {header.Name}.", field));
            }
            else if (!result.TryAdd(header.Name, header.Value.GetString()!))
            {
                errors.Add(new FakeSendGridError($"The header {header.Name} is given more than once.", field));
            }
        }

        return result;
    }

    private static List<string> Categories(JsonElement root, List<FakeSendGridError> errors)
    {
        var result = new List<string>();
        if (!root.TryGetProperty("categories", out var array))
        {
            return result;
        }

        if (array.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new FakeSendGridError("Invalid type. Expected: array.", "categories"));
            return result;
        }

        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                errors.Add(new FakeSendGridError("Categories must be strings.", "categories"));
                continue;
            }

            var category = item.GetString()!;
            if (category.Length > MaxCategoryLength)
            {
                errors.Add(new FakeSendGridError($"A category cannot be more than {MaxCategoryLength} characters.", "categories"));
            }

            result.Add(category);
        }

        if (result.Distinct(StringComparer.Ordinal).Count() > MaxCategories)
        {
            errors.Add(new FakeSendGridError($"You cannot have more than {MaxCategories} categories associated with a request.", "categories"));
        }

        return result;
    }

    private static Dictionary<string, string> CustomArgs(JsonElement root, List<FakeSendGridError> errors)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!root.TryGetProperty("custom_args", out var args))
        {
            return result;
        }

        if (args.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new FakeSendGridError($"Invalid type. Expected: object, given: {args.ValueKind}.", "custom_args"));
            return result;
        }

        var bytes = 0;
        foreach (var arg in args.EnumerateObject())
        {
            if (arg.Value.ValueKind != JsonValueKind.String)
            {
                errors.Add(new FakeSendGridError($"Invalid type. Expected: string, given: {arg.Value.ValueKind}.", $"custom_args.{arg.Name}"));
                continue;
            }

            result[arg.Name] = arg.Value.GetString()!;
            bytes += Encoding.UTF8.GetByteCount(arg.Name) + Encoding.UTF8.GetByteCount(arg.Value.GetString()!);
        }

        if (bytes > MaxCustomArgsBytes)
        {
            errors.Add(new FakeSendGridError($"The total size of custom_args may not exceed {MaxCustomArgsBytes} bytes.", "custom_args"));
        }

        return result;
    }
}
