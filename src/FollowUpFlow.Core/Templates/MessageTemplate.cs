namespace FollowUpFlow.Core.Templates;

/// <summary>A subject and a body with {{placeholders}}; <see cref="DraftComposer"/> fills them.</summary>
public sealed record MessageTemplate(string Subject, string Body);

/// <summary>A filled template: a single-line subject and a body with \n line endings.</summary>
public sealed record ComposedMessage(string Subject, string Body);
