using System.Text.Json.Serialization;

namespace FollowUpFlow.Mail;

/// <summary>Source-generated (reflection-free) JSON for the SendGrid wire models; absent optional fields are left out.</summary>
[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SendGridMailRequest))]
[JsonSerializable(typeof(SendGridErrorResponse))]
internal sealed partial class SendGridJsonContext : JsonSerializerContext;
