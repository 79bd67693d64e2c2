using System.Net;
using System.Net.Http.Json;
using Entregent.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Tests.Integration.Profiles;

public class ConcurrentOrganizationTests(EntregentFactory app) : IntegrationTest(app)
{
    [Fact]
    public async Task AddPosition_SameNewOrganizationAtOnce_AllSucceedWithOneOrganization()
    {
        var members = new List<Infrastructure.Member>();
        for (var i = 0; i < 8; i++)
        {
            members.Add(await RegisterMemberAsync($"Racer {i}"));
        }

        // Every member names the same organisation nobody has named before, all at the same moment.
        var responses = await Task.WhenAll(members.Select(m => m.Client.PostAsJsonAsync(
            new Uri("/api/v1/me/positions", UriKind.Relative),
            new { organization = "Simultané Industries SAS", title = "Engineer", startMonth = App.MonthsAgo(12) },
            Cancellation)));

        try
        {
            Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
            var organizations = await App.InStoreAsync(db => db.Organizations.CountAsync(o => o.MatchKey == "simultane industries", Cancellation));
            Assert.Equal(1, organizations);
            var positions = await App.InStoreAsync(db => db.Positions.CountAsync(p => p.Organization!.MatchKey == "simultane industries", Cancellation));
            Assert.Equal(members.Count, positions);
        }
        finally
        {
            foreach (var response in responses)
            {
                response.Dispose();
            }
        }
    }
}
