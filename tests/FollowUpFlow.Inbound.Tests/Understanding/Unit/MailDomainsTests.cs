using FollowUpFlow.Inbound.Understanding;

namespace FollowUpFlow.Inbound.Tests.Understanding.Unit;

/// <summary>What a sender's address says: the company it belongs to, and whether a person reads it.</summary>
public sealed class MailDomainsTests
{
    [Theory]
    [InlineData("sam.lee@contoso.com", "contoso")]
    [InlineData("sam@CONTOSO.COM", "contoso")]
    [InlineData("sam@mail.fabrikam.co.uk", "fabrikam")]
    [InlineData("jobs@careers.contoso.com", "contoso")]
    [InlineData("hr@tailspin.com.au", "tailspin")]
    [InlineData("anna@isarbruecke.de", "isarbruecke")]
    [InlineData("sam@wide-world-importers.com", "wide-world-importers")]
    [InlineData("no-reply@contoso.greenhouse.io", "contoso")]
    [InlineData("woodgrove@myworkday.com", "woodgrove")]
    [InlineData("notifications@woodgrove.wd5.myworkday.com", "woodgrove")]
    public void Names_the_company_of_a_domain(string address, string expected) =>
        Assert.Equal(expected, MailDomains.CompanyLabel(address));

    [Theory]
    [InlineData("alex.morgan@gmail.com")]
    [InlineData("anna@gmx.de")]
    [InlineData("claire@orange.fr")]
    [InlineData("sam@example.com")]
    [InlineData("no-reply@greenhouse.io")]
    [InlineData("notifications@myworkday.com")]
    [InlineData("woodgrove.bank@myworkday.com")]
    [InlineData("x@wd5.myworkday.com")]
    [InlineData("jobs@hire.lever.co")]
    [InlineData("no-reply@calendly.com")]
    [InlineData("calendar-notification@google.com")]
    [InlineData("not an address")]
    [InlineData("")]
    [InlineData(null)]
    public void Free_mail_hiring_tools_and_junk_name_no_company(string? address) =>
        Assert.Null(MailDomains.CompanyLabel(address));

    [Theory]
    [InlineData("sam.lee@contoso.com", true)]
    [InlineData("hrishi@contoso.com", true)]
    [InlineData("peoplesoft.admin@contoso.com", true)]
    [InlineData("talentia@contoso.com", true)]
    [InlineData("no-reply@contoso.com", false)]
    [InlineData("noreply+abc@contoso.com", false)]
    [InlineData("donotreply@contoso.com", false)]
    [InlineData("jobs-noreply@contoso.com", false)]
    [InlineData("recruiting@contoso.com", false)]
    [InlineData("talent-team@contoso.com", false)]
    [InlineData("people.ops@contoso.com", false)]
    [InlineData("hr@contoso.com", false)]
    [InlineData("Careers@contoso.com", false)]
    [InlineData("calendar-notification@google.com", false)]
    [InlineData("bewerbung@isarbruecke.de", false)]
    [InlineData("recrutement@fabrikam.fr", false)]
    [InlineData("@contoso.com", false)]
    [InlineData("sam.lee", false)]
    [InlineData(null, false)]
    public void Tells_a_person_from_a_mailbox(string? address, bool human) =>
        Assert.Equal(human, MailDomains.IsHumanAddress(address));

    [Theory]
    [InlineData("greenhouse-mail.io", true)]
    [InlineData("us.greenhouse-mail.io", true)]
    [InlineData("wd5.myworkday.com", true)]
    [InlineData("contoso.com", false)]
    [InlineData("notgreenhouse.io", false)]
    [InlineData(null, false)]
    public void Knows_hiring_tools_and_their_subdomains(string? domain, bool tool) =>
        Assert.Equal(tool, MailDomains.IsHiringTool(domain));
}
