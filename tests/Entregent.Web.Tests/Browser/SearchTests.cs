using System.Globalization;
using Entregent.Web.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Entregent.Web.Tests.Browser;

/// <summary>
/// Finding people in a real browser: the header's typeahead (mouse and keyboard), the search page's results with their
/// degree badges, and a degree facet that narrows the list to exactly the number it showed.
/// </summary>
public class SearchTests(BrowserFixture browser, EntregentServer app) : BrowserTest(browser, app)
{
    private readonly BrowserFixture _browser = browser;
    private const string SearchBox = "#site-search-q";
    private const string Listbox = "#site-search-q-listbox";

    [Fact]
    public async Task Typeahead_PartOfAName_PickThePerson_OpensTheirProfile()
    {
        var ada = await App.RegisterMemberAsync("Ada Typeahead", Cancellation);
        var philomene = await App.RegisterMemberAsync("Philomène Azzopardi", Cancellation);
        await App.ConnectAsync(ada, philomene, Cancellation);
        await App.WaitForNetworkAsync(Cancellation);

        await SignInAsync(Page, ada);
        await Page.Locator(SearchBox).PressSequentiallyAsync("azzop");

        var option = Page.Locator($"{Listbox} [role=option]", new() { HasText = "Philomène Azzopardi" });
        await option.WaitForAsync();
        Assert.Equal("true", await Page.GetAttributeAsync(SearchBox, "aria-expanded"));
        Assert.Equal("People", (await Page.Locator($"{Listbox} .typeahead-heading").First.InnerTextAsync()).Trim(), ignoreCase: true);
        Assert.Equal("1st", (await option.Locator(".degree").InnerTextAsync()).Trim());
        Assert.StartsWith("See all results for", (await Page.Locator($"{Listbox} [role=option]").Last.InnerTextAsync()).Trim(),
            StringComparison.Ordinal);

        await option.ClickAsync();
        await Page.WaitForURLAsync(url => url.EndsWith($"/in/{philomene.Handle}", StringComparison.Ordinal));
        Assert.Contains("Philomène Azzopardi", await Page.InnerTextAsync("h1"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Typeahead_Keyboard_MovesThroughOptionsClosesAndOpensTheSearchPage()
    {
        var ada = await App.RegisterMemberAsync("Ada Keyboard", Cancellation);
        var first = await App.RegisterMemberAsync("Wenceslas Quillebeuf", Cancellation);
        var second = await App.RegisterMemberAsync("Wilhelmine Quillebeuf", Cancellation);
        await App.ConnectAsync(ada, first, Cancellation);
        await App.ConnectAsync(ada, second, Cancellation);
        await App.WaitForNetworkAsync(Cancellation);

        await SignInAsync(Page, ada);
        var box = Page.Locator(SearchBox);
        await box.PressSequentiallyAsync("quillebeuf");
        var options = Page.Locator($"{Listbox} [role=option]");
        await Page.Locator($"{Listbox} [role=option]", new() { HasText = "Wilhelmine Quillebeuf" }).WaitForAsync();
        var count = await options.CountAsync();
        Assert.True(count >= 3, $"two people and 'See all results' expected, got {count} options");

        // Down selects the first option, down again the second, up comes back; the box names the active one.
        await box.PressAsync("ArrowDown");
        Assert.Equal(await options.Nth(0).GetAttributeAsync("id"), await box.GetAttributeAsync("aria-activedescendant"));
        Assert.Equal("true", await options.Nth(0).GetAttributeAsync("aria-selected"));
        await box.PressAsync("ArrowDown");
        Assert.Equal(await options.Nth(1).GetAttributeAsync("id"), await box.GetAttributeAsync("aria-activedescendant"));
        Assert.Equal("false", await options.Nth(0).GetAttributeAsync("aria-selected"));
        await box.PressAsync("ArrowUp");
        Assert.Equal(await options.Nth(0).GetAttributeAsync("id"), await box.GetAttributeAsync("aria-activedescendant"));
        // Up from the first wraps to the last: "See all results".
        await box.PressAsync("ArrowUp");
        Assert.Equal(await options.Nth(count - 1).GetAttributeAsync("id"), await box.GetAttributeAsync("aria-activedescendant"));

        // Escape closes the list and keeps the text; down opens it again.
        await box.PressAsync("Escape");
        Assert.Equal("false", await box.GetAttributeAsync("aria-expanded"));
        Assert.False(await Page.Locator(Listbox).IsVisibleAsync());
        Assert.Null(await box.GetAttributeAsync("aria-activedescendant"));
        Assert.Equal("quillebeuf", await box.InputValueAsync());
        await box.PressAsync("ArrowDown");
        Assert.Equal("true", await box.GetAttributeAsync("aria-expanded"));

        Assert.Equal(await options.Nth(0).GetAttributeAsync("id"), await box.GetAttributeAsync("aria-activedescendant"));

        // Enter on the last option opens the search page for the text typed.
        await box.PressAsync("ArrowUp");
        Assert.Equal(await options.Nth(count - 1).GetAttributeAsync("id"), await box.GetAttributeAsync("aria-activedescendant"));
        await box.PressAsync("Enter");
        await Page.WaitForURLAsync(url => url.EndsWith("/search?q=quillebeuf", StringComparison.Ordinal));
        var results = await Page.InnerTextAsync(".search-results");
        Assert.Contains("Wenceslas Quillebeuf", results, StringComparison.Ordinal);
        Assert.Contains("Wilhelmine Quillebeuf", results, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchBox_EnterWithoutChoosing_ShowsResultsWithDegreeBadges()
    {
        // Ada — Bastien (1st, ingénieur) — Capucine (2nd, ingénieure); Désiré (ingénieur) is not connected to anyone.
        var ada = await App.RegisterMemberAsync("Ada Badges", Cancellation);
        var bastien = await App.RegisterMemberAsync("Bastien Ferrandou", Cancellation);
        var capucine = await App.RegisterMemberAsync("Capucine Ferrandou", Cancellation);
        var desire = await App.RegisterMemberAsync("Désiré Ferrandou", Cancellation);
        await bastien.AddPositionAsync("Ferrandou Études", "Ingénieur logiciel", App.MonthsAgo(30), cancellationToken: Cancellation);
        await capucine.AddPositionAsync("Ferrandou Études", "Ingénieure données", App.MonthsAgo(20), cancellationToken: Cancellation);
        await desire.AddPositionAsync("Ferrandou Études", "Ingénieur réseaux", App.MonthsAgo(10), cancellationToken: Cancellation);
        await App.ConnectAsync(ada, bastien, Cancellation);
        await App.ConnectAsync(bastien, capucine, Cancellation);
        await App.WaitForNetworkAsync(Cancellation);

        await SignInAsync(Page, ada);
        await Page.FillAsync(SearchBox, "ingenieur");
        await Page.PressAsync(SearchBox, "Enter");
        await Page.WaitForURLAsync(url => url.Contains("/search?q=ingenieur", StringComparison.Ordinal));

        Assert.Equal("1st", await BadgeOfAsync("Bastien Ferrandou"));
        Assert.Equal("2nd", await BadgeOfAsync("Capucine Ferrandou"));
        var desireHit = Hit("Désiré Ferrandou");
        Assert.Contains("Ingénieur réseaux at Ferrandou Études", await desireHit.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("Ingénieure données at Ferrandou Études", await Hit("Capucine Ferrandou").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("1 mutual connection", await Hit("Capucine Ferrandou").InnerTextAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DegreeFacet_TickFirst_ListNarrowsToTheCountShown()
    {
        var ada = await App.RegisterMemberAsync("Ada Facet", Cancellation);
        var members = new List<Member>();
        foreach (var name in new[] { "Gaspard Lheureux", "Hortense Lheureux", "Isidore Lheureux", "Joséphine Lheureux" })
        {
            var member = await App.RegisterMemberAsync(name, Cancellation);
            await member.AddPositionAsync("Lheureux Conseil", "Consultant", App.MonthsAgo(12), cancellationToken: Cancellation);
            members.Add(member);
        }
        // Gaspard and Hortense 1st, Isidore 2nd (through Gaspard), Joséphine beyond.
        await App.ConnectAsync(ada, members[0], Cancellation);
        await App.ConnectAsync(ada, members[1], Cancellation);
        await App.ConnectAsync(members[0], members[2], Cancellation);
        await App.WaitForNetworkAsync(Cancellation);

        await SignInAsync(Page, ada);
        await Page.GotoAsync("/search?q=lheureux");
        Assert.Equal(4, await Page.Locator(".search-hit").CountAsync());
        Assert.Equal("4 people", (await Page.InnerTextAsync("#results-title")).Trim());
        var first = Page.Locator(".search-filters .facet-option", new() { Has = Page.GetByRole(AriaRole.Checkbox, new() { Name = "1st" }) });
        var firstCount = int.Parse((await first.Locator(".facet-count [aria-hidden=true]").InnerTextAsync()).Trim(), CultureInfo.InvariantCulture);
        Assert.Equal(2, firstCount);
        // The bars compare the counts: 1st (2) is drawn twice as long as 2nd (1).
        Assert.Contains("facet-fill-20", await first.Locator(".facet-fill").GetAttributeAsync("class") ?? "", StringComparison.Ordinal);

        await Page.GetByRole(AriaRole.Checkbox, new() { Name = "1st" }).CheckAsync();
        await Page.WaitForURLAsync(url => url.Contains("degree=1", StringComparison.Ordinal));

        Assert.Equal(firstCount, await Page.Locator(".search-hit").CountAsync());
        Assert.Equal($"{firstCount} people", (await Page.InnerTextAsync("#results-title")).Trim());
        var names = await Page.Locator(".search-hit .person-name").AllInnerTextsAsync();
        Assert.Equal(["Gaspard Lheureux", "Hortense Lheureux"], names.Select(n => n.Trim()).Order(StringComparer.Ordinal));
        Assert.True(await Page.GetByRole(AriaRole.Checkbox, new() { Name = "1st" }).IsCheckedAsync());
        // The ticked box keeps the focus across the reload.
        Assert.True(await Page.GetByRole(AriaRole.Checkbox, new() { Name = "1st" }).EvaluateAsync<bool>("e => e === document.activeElement"));

        // The chip takes the filter off again.
        await Page.GetByRole(AriaRole.Link, new() { Name = "Remove the filter 1st" }).ClickAsync();
        await Page.WaitForURLAsync(url => !url.Contains("degree=", StringComparison.Ordinal));
        Assert.Equal(4, await Page.Locator(".search-hit").CountAsync());
    }

    [Fact]
    public async Task SearchBox_WithoutJavaScript_SubmitsToTheSearchPage()
    {
        var ada = await App.RegisterMemberAsync("Ada No Script", Cancellation);
        await using var context = await _browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.BaseAddress.ToString(),
            Locale = "en-GB",
            JavaScriptEnabled = false,
        });
        var page = await context.NewPageAsync();
        await SignInAsync(page, ada);

        Assert.Null(await page.GetAttributeAsync(SearchBox, "role"));
        await page.FillAsync(SearchBox, "nobody-by-this-name");
        await page.PressAsync(SearchBox, "Enter");
        await page.WaitForURLAsync(url => url.Contains("/search?q=nobody-by-this-name", StringComparison.Ordinal));
        Assert.Contains("No one you may see matches this search.", await page.InnerTextAsync("main"), StringComparison.Ordinal);
    }

    private ILocator Hit(string name) => Page.Locator(".search-hit", new() { HasText = name });

    private async Task<string> BadgeOfAsync(string name) => (await Hit(name).Locator(".degree").InnerTextAsync()).Trim();
}
