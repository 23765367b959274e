using FollowUpFlow.Inbound.Understanding;

namespace FollowUpFlow.Inbound.Tests.Understanding.Unit;

/// <summary>The hiring company from the sender's domain and from what the text says, agencies and hiring tools included.</summary>
public sealed class CompanyFinderTests
{
    [Fact]
    public void A_domain_of_hyphens_names_no_company_and_does_not_throw()
    {
        var (name, _) = CompanyFinder.Find(new CompanyFinder.Evidence("Interview", "See you soon.", ["sam@--.com"], [], []));

        Assert.Null(name);
    }

    [Theory]
    // The sender's domain alone.
    [InlineData("Interview", "Hi Alex, see you Tuesday.", "sam.lee@contoso.com", "", "Contoso")]
    [InlineData("Interview", "Hi Alex, see you Tuesday.", "sam.lee@mail.fabrikam.co.uk", "", "Fabrikam")]
    // Text that spells out what the domain abbreviates.
    [InlineData("Interview", "Thank you for your interest in Wide World Importers.", "sam@wideworldimporters.com", "", "Wide World Importers")]
    [InlineData("Einladung", "Vielen Dank für Ihr Interesse an einer Tätigkeit bei Isarbrücke.", "anna.schmidt@isarbruecke.de", "", "Isarbrücke")]
    // Text alone, from a free mailbox.
    [InlineData("Next steps", "We look forward to your interview at Fabrikam next week.", "hiring.manager@gmail.com", "", "Fabrikam")]
    [InlineData("Einladung", "Wir freuen uns auf Ihren Besuch bei Elbhafen Logistik in Hamburg.", "anna@gmx.de", "", "Elbhafen Logistik")]
    [InlineData("Entretien", "Nous vous attendons chez Margaux Conseil mardi prochain.", "claire@orange.fr", "", "Margaux Conseil")]
    [InlineData("Interview", "Best,\nThe Coho Winery Recruiting Team", "sam@gmail.com", "", "Coho Winery")]
    [InlineData("Interview", "Company: Tailspin Toys\nRole: Data Analyst", "sam@gmail.com", "", "Tailspin Toys")]
    // A sender name that says whose team it is.
    [InlineData("Interview confirmed", "Your interview is confirmed.", "no-reply@greenhouse.io", "Contoso Recruiting", "Contoso")]
    [InlineData("Interview", "See you soon.", "sam@gmail.com", "Sam Lee from Proseware", "Proseware")]
    // Hiring tools send for the company; their domain is not it.
    [InlineData("Interview", "Your interview is confirmed.", "no-reply@contoso.greenhouse.io", "", "Contoso")]
    [InlineData("Application", "Thank you for your application.", "woodgrove@myworkday.com", "", "Woodgrove")]
    [InlineData("Interview", "Your interview with Proseware is confirmed.", "no-reply@hire.lever.co", "", "Proseware")]
    // Legal forms mark a company name.
    [InlineData("Vertrag", "Ihr Ansprechpartner bei der Lamna Healthcare GmbH freut sich.", "anna@gmx.de", "", "Lamna Healthcare")]
    [InlineData("Offer", "Adatum Corporation Ltd is pleased to offer you the role.", "sam@gmail.com", "", "Adatum Corporation")]
    // The role and the people are not the company.
    [InlineData("Interview", "We'd like to invite you to interview for the Software Engineer position at Contoso.", "sam@gmail.com", "", "Contoso")]
    public void Finds_the_company(string subject, string body, string sender, string senderName, string expected)
    {
        var (name, confidence) = Find(subject, body, [sender], senderName.Length > 0 ? [senderName] : []);

        Assert.Equal(expected, name);
        Assert.InRange(confidence, 0.3, 0.97);
    }

    [Theory]
    [InlineData("I'm reaching out on behalf of my client Northwind Traders, who would like to interview you.")]
    [InlineData("I am recruiting for my client, Northwind Traders, who would like to meet you.")]
    [InlineData("Ich melde mich im Auftrag von Northwind Traders bei Ihnen.")]
    public void An_agencys_client_wins_over_the_agency(string body) =>
        Assert.Equal("Northwind Traders", FindForAgency(body));

    [Theory]
    [InlineData("Our client, Northwind Traders, would like to meet you on Tuesday.")]
    [InlineData("Im Auftrag unseres Kunden Northwind Traders lade ich Sie ein.")]
    [InlineData("Unser Kunde Northwind Traders möchte Sie kennenlernen.")]
    public void An_agencys_client_named_at_the_start_of_a_sentence_wins_over_the_agency(string body) =>
        Assert.Equal("Northwind Traders", FindForAgency(body));

    [Fact]
    public void The_full_name_wins_over_the_first_word_a_hiring_tool_account_spells()
    {
        var (name, _) = Find(
            "Interview Scheduled – Software Engineer II",
            "Woodgrove Bank\nDear Alex,\nWe are pleased to invite you to a video interview.\nQuestions? Contact Jessica Boyd, Talent Acquisition Partner.\nSincerely,\nTalent Acquisition\nWoodgrove Bank",
            ["woodgrove@myworkday.com", "jessica.boyd@woodgrovebank.com"],
            ["Woodgrove Bank Careers", "Jessica Boyd"]);

        Assert.Equal("Woodgrove Bank", name);
    }

    [Fact]
    public void A_person_named_with_the_interview_is_not_the_company()
    {
        var (name, _) = Find("Interview with Priya Natarajan", "Your interview with Priya Natarajan is confirmed.", ["priya.natarajan@contoso.com"], [], ["Priya Natarajan"]);

        Assert.Equal("Contoso", name);
    }

    [Fact]
    public void Text_that_agrees_with_the_domain_is_more_certain_than_the_domain_alone()
    {
        var alone = Find("Interview", "See you Tuesday.", ["sam@contoso.com"], []);
        var agreed = Find("Interview", "Thank you for your interest in Contoso.", ["sam@contoso.com"], []);

        Assert.Equal("Contoso", alone.Name);
        Assert.Equal("Contoso", agreed.Name);
        Assert.True(agreed.Confidence > alone.Confidence, $"{agreed.Confidence} should exceed {alone.Confidence}");
    }

    [Theory]
    [InlineData("Hello", "Hi Alex, see you Tuesday.", "sam@gmail.com")]
    [InlineData("Interview", "Your interview is confirmed.", "notifications@greenhouse.io")]
    [InlineData("Interview", "Join on Zoom or Microsoft Teams on Monday.", "no-reply@calendly.com")]
    public void Nothing_named_is_no_company(string subject, string body, string sender)
    {
        var (name, confidence) = Find(subject, body, [sender], []);

        Assert.Null(name);
        Assert.Equal(0, confidence);
    }

    private static string? FindForAgency(string body) =>
        Find("Interview opportunity", body + "\n\nTom Baxter\nSenior Consultant | Northgate Talent", ["tom.baxter@northgatetalent.com"], ["Tom Baxter"]).Name;

    private static (string? Name, double Confidence) Find(string subject, string body, string[] senders, string[] senderNames, string[]? people = null) =>
        CompanyFinder.Find(new CompanyFinder.Evidence(subject, body, senders, senderNames, people ?? []));
}
