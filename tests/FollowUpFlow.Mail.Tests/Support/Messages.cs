namespace FollowUpFlow.Mail.Tests.Support;

/// <summary>Valid sample messages; tests change what they care about with <c>with</c>.</summary>
internal static class Messages
{
    public static readonly DateTimeOffset SampleDate = new(2025, 3, 7, 9, 5, 3, TimeSpan.FromHours(1));

    public static OutgoingMessage Sample(string token = "draft-42") => new()
    {
        From = new MailAddress("Alex Candidate", "alex@example.com"),
        To = [new MailAddress("Jamie Recruiter", "jamie@hiring.example.org")],
        Subject = "Thank you for today's interview",
        TextBody = "Hi Jamie,\r\n\r\nThank you for your time today.\r\n\r\nBest regards,\r\nAlex\r\n",
        MessageId = MessageIds.Create(token, "followupflow.local"),
        Date = SampleDate,
    };
}
