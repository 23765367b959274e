using FollowUpFlow.Workflow.Inbound;

namespace FollowUpFlow.App.Inbound;

/// <summary>
/// Takes the message out of a stored SendGrid Inbound Parse post: the "email" field as it is ("Send Raw" mode), or the
/// message rebuilt from the default mode's fields. A form that cannot be read is refused with the reason.
/// </summary>
internal sealed class SendGridFormReader(string boundary, int maxParts) : IPayloadReader
{
    public async Task<MessageExtraction> ReadAsync(ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        SendGridFields fields;
        try
        {
            fields = await SendGridFields.ReadAsync(payload, boundary, maxParts, cancellationToken);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            return MessageExtraction.Refused(InboundSource.SendGrid, InboundRefusalKind.Malformed, $"The multipart/form-data body could not be read: {e.Message}");
        }

        if (fields.LimitExceeded is { } limit)
        {
            return MessageExtraction.Refused(InboundSource.SendGrid, InboundRefusalKind.TooLarge, limit, [.. fields.Problems]);
        }

        if (fields["email"] is { } raw)
        {
            return new MessageExtraction(raw.Bytes, InboundSource.SendGridRaw, [.. fields.Problems]);
        }

        if (fields["headers"] is null)
        {
            return MessageExtraction.Refused(InboundSource.SendGrid, InboundRefusalKind.NotAnEmail,
                "not an email: the form has neither an 'email' field (SendGrid's Send Raw mode) nor a 'headers' field (its default mode).", [.. fields.Problems]);
        }

        var problems = fields.Problems;
        var message = SendGridMessage.Build(fields, problems);
        return new MessageExtraction(message, InboundSource.SendGridParsed, [.. problems]);
    }
}
