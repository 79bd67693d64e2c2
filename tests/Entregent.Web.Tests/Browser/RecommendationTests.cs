using Entregent.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Entregent.Web.Tests.Browser;

/// <summary>Endorsing and recommending through the pages: what a third member then sees on the profile.</summary>
public class RecommendationTests(BrowserFixture browser, EntregentServer app) : BrowserTest(browser, app)
{
    private readonly BrowserFixture _browser = browser;

    [Fact]
    public async Task EndorseRecommendApprove_ThroughPages_ThirdMemberSeesCountAndRecommendation()
    {
        var ada = await App.RegisterMemberAsync("Ada Vouched", Cancellation);
        var bruno = await App.RegisterMemberAsync("Bruno Voucher", Cancellation);
        var chloe = await App.RegisterMemberAsync("Chloé Reader", Cancellation);
        await ada.SetSkillsAsync(Cancellation, "Gestion de projet", "Rust");
        await App.ConnectAsync(ada, bruno, Cancellation);
        await App.ConnectAsync(bruno, chloe, Cancellation);

        // Bruno endorses Ada's first skill and writes her a recommendation.
        await SignInAsync(Page, bruno);
        await Page.GotoAsync($"/in/{ada.Handle}");
        await Page.GetByRole(AriaRole.Button, new() { Name = "Endorse Gestion de projet" }).ClickAsync();
        await Page.GetByText("You endorsed Gestion de projet.").WaitForAsync();
        Assert.Equal("true", await Page.GetByRole(AriaRole.Button, new() { Name = "Endorsed: take back your endorsement of Gestion de projet" })
            .GetAttributeAsync("aria-pressed"));
        await Page.ClickAsync("a[href$='/recommend']");
        await Page.SelectOptionAsync("[name='Input.Relationship']", "Managed");
        await Page.FillAsync("[name='Input.Text']", "Ada ran the **whole** migration.");
        await Page.ClickAsync("main form button[type=submit]");
        await Page.GetByText("Your recommendation was sent to Ada Vouched for approval.").WaitForAsync();

        // Ada approves it from her recommendations.
        await using (var context = await _browser.NewContextAsync(App.BaseAddress))
        {
            var page = await context.NewPageAsync();
            await SignInAsync(page, ada);
            await page.GotoAsync("/me/recommendations");
            Assert.Contains("1 waiting for your approval.", await page.InnerTextAsync("main"), StringComparison.Ordinal);
            await page.GetByRole(AriaRole.Button, new() { Name = "Approve" }).ClickAsync();
            await page.GetByText("Recommendation approved: it is on your profile.").WaitForAsync();
        }

        // Chloé, who knows Bruno, sees the count, Bruno named, and the recommendation.
        await using (var context = await _browser.NewContextAsync(App.BaseAddress))
        {
            var page = await context.NewPageAsync();
            await SignInAsync(page, chloe);
            await page.GotoAsync($"/in/{ada.Handle}");
            var skill = await page.InnerTextAsync(".skill:has-text('Gestion de projet')");
            Assert.Contains("1", skill, StringComparison.Ordinal);
            Assert.Contains("Endorsed by Bruno Voucher", skill, StringComparison.Ordinal);
            var recommendations = await page.InnerTextAsync("section[aria-labelledby='recommendations-title']");
            Assert.Contains("Bruno Voucher", recommendations, StringComparison.Ordinal);
            Assert.Contains("managed Ada Vouched", recommendations, StringComparison.Ordinal);
            Assert.Equal("whole", await page.InnerTextAsync("section[aria-labelledby='recommendations-title'] .prose strong"));
            // Not connected to Ada: no Endorse button for Chloé.
            Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Endorse Rust" }).CountAsync());
        }
    }
}
