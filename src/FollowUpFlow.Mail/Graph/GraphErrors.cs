using System.Globalization;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;

namespace FollowUpFlow.Mail;

/// <summary>
/// Sorts Graph's failures into the transport contract: a refusal for good, an answer that nothing was taken, or (returned
/// as null) an outcome nobody can know, which the caller must leave as it is.
/// </summary>
internal static class GraphErrors
{
    public static Exception? Translate(Exception exception, string operation, string messageId, bool isSend)
    {
        switch (exception)
        {
            case ApiException api:
                return FromStatus(api.ResponseStatusCode, Describe(api), exception, operation, messageId, isSend);

            // The SDK's retry handler gives up with an AggregateException of the answers it got, the last one last.
            case AggregateException aggregate when aggregate.InnerExceptions.LastOrDefault() is ApiException last:
                return FromStatus(last.ResponseStatusCode, Describe(last) + $" after {aggregate.InnerExceptions.Count} attempts", exception, operation, messageId, isSend);

            default:
                return null;
        }
    }

    public static int StatusOf(Exception exception) => exception switch
    {
        ApiException api => api.ResponseStatusCode,
        AggregateException { InnerExceptions: [.., ApiException last] } => last.ResponseStatusCode,
        _ => 0,
    };

    public static bool IsNotFound(Exception exception) => exception is ApiException { ResponseStatusCode: 404 };

    private static Exception? FromStatus(int status, string description, Exception inner, string operation, string messageId, bool isSend)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"Microsoft Graph answered {operation} for message {messageId} with {description}.");
        return status switch
        {
            429 or 503 or 504 => new MailNotAcceptedException(text, inner),

            // A change that met another one (the candidate editing the same draft in Outlook): nothing was done.
            409 or 412 when !isSend => new MailNotAcceptedException(text, inner),

            // Any other server error: before the send nothing can have left; during it, who knows.
            >= 500 => isSend ? null : new MailNotAcceptedException(text, inner),
            >= 400 => new MailRefusedException(text, inner),
            _ => null,
        };
    }

    private static string Describe(ApiException exception)
    {
        var status = exception.ResponseStatusCode.ToString(CultureInfo.InvariantCulture);
        return exception is ODataError { Error: { } error }
            ? $"{status} {error.Code}: {error.Message}"
            : status;
    }
}
