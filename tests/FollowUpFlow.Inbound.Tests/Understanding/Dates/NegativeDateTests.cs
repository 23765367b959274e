using FollowUpFlow.Inbound.Understanding.Dates;

namespace FollowUpFlow.Inbound.Tests.Understanding.Dates;

/// <summary>Numbers and words that are not dates or times must not be reported.</summary>
public sealed class NegativeDateTests
{
    [Theory]
    [InlineData("Call me at 555-123-4567.")]
    [InlineData("Call +1 (555) 123-4567 or 1-800-555-0199")]
    [InlineData("Tel: +49 30 12345678, mobile 0171 2345678")]
    [InlineData("Tél : 06 12 34 56 78 ou 06.12.34.56.78")]
    [InlineData("The price is $14.99, or 14,99 € or EUR 12.50")]
    [InlineData("Upgrade to version 2.3.1 or v10.12.2026, build 1.2.3.4")]
    [InlineData("Our office: 1600 Amphitheatre Pkwy, Mountain View, CA 94043")]
    [InlineData("PLZ 10115 Berlin")]
    [InlineData("Support is available 24/7.")]
    [InlineData("Delivery takes 2-3 days.")]
    [InlineData("We were founded in 2026 and grew 2025-2026.")]
    [InlineData("See chapter 2.14 and section 3.12, pages 10-12")]
    [InlineData("Room 12.08 is on floor 3")]
    [InlineData("Screen ratio 16:9, score 3-2, odds 10 to 1")]
    [InlineData("Order #12:30 shipped")]
    [InlineData("ISBN 978-3-16-148410-0")]
    [InlineData("Add 1/2 cup of sugar")]
    [InlineData("Interview round 2 of 3 is next")]
    [InlineData("I have 2 hours and 45 minutes left")]
    [InlineData("Guten Morgen Frau Müller, jeden Morgen um 7")]
    [InlineData("Do you have time? So, what's next?")]
    [InlineData("I sat down with the Mon team")]
    [InlineData("Dear Mr. March, in Q4 2026 we may grow")]
    [InlineData("IBAN DE89 3704 0044 0532 0130 00")]
    [InlineData("Ref 10:30:45:12 and 12:30.5")]
    [InlineData("")]
    public void Finds_nothing(string text) =>
        Assert.Empty(TextDateFinder.Find(text, DateExpectation.SentAt, "America/New_York"));
}
