using Entregent.Web.Tests.Infrastructure;

namespace Entregent.Web.Tests.Integration.Search;

/// <summary>
/// The relevance table: a fixed network of people with French and English profiles, and queries with the member expected
/// first (or expected among the results). Accents, elisions, feminine and plural forms, and closeness at equal relevance.
/// </summary>
public class PeopleSearchRelevanceTests(EntregentFactory app) : IntegrationTest(app)
{
    [Fact]
    public async Task Table_QueriesFindTheExpectedPeopleFirst()
    {
        var viewer = await RegisterMemberAsync("Victor Viewer");
        var helene = await ProfileAsync("Hélène Lefèvre", "Ingénieure logiciel", "Acme Robotique", ["C#", "Azure"], "Lyon, France");
        var helena = await ProfileAsync("Helena Lefort", "Product manager", "Globex", ["Roadmaps"], "Paris, France");
        var marc = await ProfileAsync("Marc Dubois", "Ingénieur système", "Initech", ["Linux"], "Nantes, France");
        var sarah = await ProfileAsync("Sarah Connor", "Software engineer", "Cyberdyne Systems", ["Python", "Machine learning"], "Los Angeles, USA");
        var louise = await ProfileAsync("Louise Martin", "Développeuse front-end", "L'Oréal", ["JavaScript"], "Clichy, France");
        var paul = await ProfileAsync("Paul Bernard", "Directeur commercial", "Danone", ["Négociation"], "Paris, France");
        var near = await ProfileAsync("Nadia Near", "Data analyst", "Umbrella", ["SQL"], "Lille, France");
        var far = await ProfileAsync("Fabien Far", "Data analyst", "Umbrella", ["SQL"], "Lille, France");
        var bridge = await RegisterMemberAsync("Bruno Bridge");
        await ConnectAsync(viewer, near);
        await ConnectAsync(viewer, bridge);
        await ConnectAsync(bridge, far);
        await WaitForNetworkAsync();

        (string Query, Member Expected, string Why)[] firsts =
        [
            ("q=helene+lefevre", helene, "accents folded in the name"),
            ("q=H%C3%A9l%C3%A8ne", helene, "accented query finds the accented name"),
            ("q=helena", helena, "a different name, not a stem of Hélène"),
            ("q=ing%C3%A9nieure+logiciel", helene, "the feminine title"),
            ("q=engineers", sarah, "English plural"),
            ("q=oreal", louise, "elision removed from l'Oréal"),
            ("q=d%C3%A9veloppeur", louise, "masculine query finds the feminine title"),
            ("q=directrice", paul, "feminine query finds the masculine title"),
            ("q=cyberdyne", sarah, "organisation name"),
            ("q=machine+learning", sarah, "a skill of two words"),
            ("q=lefevre+acme", helene, "name and organisation together"),
            ("q=data+analyst", near, "equal relevance: the 1st-degree connection before the 2nd"),
        ];
        foreach (var (query, expected, why) in firsts)
        {
            var found = (await viewer.SearchPeopleAsync(query, Cancellation)).FoundHandles();
            Assert.True(found.Count > 0 && found[0] == expected.Handle, $"{query} ({why}): expected {expected.Handle} first, got [{string.Join(", ", found)}]");
        }

        (string Query, Member[] Expected, Member[] NotExpected, string Why)[] sets =
        [
            ("q=ing%C3%A9nieure", [helene, marc], [sarah], "ingénieure finds ingénieur, and the other way round"),
            ("q=ingenieur", [helene, marc], [], "no accent typed"),
            ("q=data+analyst", [near, far], [], "both analysts"),
            ("q=lyon", [helene], [helena, marc], "location"),
        ];
        foreach (var (query, expected, notExpected, why) in sets)
        {
            var found = (await viewer.SearchPeopleAsync(query, Cancellation)).FoundHandles();
            foreach (var member in expected)
            {
                Assert.True(found.Contains(member.Handle), $"{query} ({why}): expected {member.Handle} among [{string.Join(", ", found)}]");
            }
            foreach (var member in notExpected)
            {
                Assert.False(found.Contains(member.Handle), $"{query} ({why}): did not expect {member.Handle} in [{string.Join(", ", found)}]");
            }
        }
    }

    [Fact]
    public async Task EqualRelevance_StrongerConnectionFirst()
    {
        var tag = "Zyx" + Guid.NewGuid().ToString("N")[..6];
        var viewer = await RegisterMemberAsync("Vera Viewer");
        var colleague = await ProfileAsync("Cora Colleague", $"{tag} consultant", "Strongco", [], null);
        var acquaintance = await ProfileAsync("Abel Acquaintance", $"{tag} consultant", "Weakco", [], null);
        await viewer.AddPositionAsync("Strongco", "Consultant", App.MonthsAgo(48), cancellationToken: Cancellation);
        // Colleagues at Strongco for four years; the other connection is bare.
        var invitation = await viewer.InviteAsync(colleague, context: "colleague", cancellationToken: Cancellation);
        await colleague.AcceptAsync(invitation.GetProperty("id").GetInt64(), Cancellation);
        await ConnectAsync(viewer, acquaintance);
        await WaitForNetworkAsync();

        var found = (await viewer.SearchPeopleAsync("q=" + tag, Cancellation)).FoundHandles();

        Assert.Equal([colleague.Handle, acquaintance.Handle], found);
    }

    private async Task<Member> ProfileAsync(string name, string title, string organization, IReadOnlyList<string> skills, string? location)
    {
        var member = await RegisterMemberAsync(name);
        await member.AddPositionAsync(organization, title, App.MonthsAgo(30), cancellationToken: Cancellation);
        if (skills.Count > 0)
        {
            await member.SetSkillsAsync(skills, Cancellation);
        }
        if (location is not null)
        {
            await member.EditProfileAsync(new { location }, Cancellation);
        }
        return member;
    }
}
