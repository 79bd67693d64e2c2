using System.Net.Http.Json;
using System.Text.Json;
using Entregent.Web.Tests.Infrastructure;

namespace Entregent.Web.Tests.Integration.Profiles;

/// <summary>Each section's "updated" date moves only when that section is edited.</summary>
public class SectionDateTests(EntregentFactory app) : IntegrationTest(app)
{
    public static TheoryData<string> Sections => ["intro", "contact", "openTo", "positions", "education", "skills"];

    [Theory]
    [MemberData(nameof(Sections))]
    public async Task EditSection_LaterOn_OnlyThatSectionDated(string section)
    {
        var ada = await RegisterMemberAsync("Ada Dates " + section);
        var before = Dates(await ada.GetMyProfileAsync(Cancellation));
        // Less than the access token's hour: the member's client stays signed in.
        App.Time.Advance(TimeSpan.FromMinutes(30));
        var editedAt = App.Time.GetUtcNow();

        await EditAsync(ada, section);

        var after = Dates(await ada.GetMyProfileAsync(Cancellation));
        foreach (var (name, value) in after)
        {
            if (name == section)
            {
                Assert.Equal(editedAt.ToUnixTimeMilliseconds(), value?.ToUnixTimeMilliseconds());
            }
            else
            {
                Assert.True(before[name] == value, $"'{name}' moved from {before[name]:O} to {value:O} when '{section}' was edited.");
            }
        }
    }

    private async Task EditAsync(Member ada, string section)
    {
        switch (section)
        {
            case "intro":
                await ada.EditProfileAsync(new { headline = "New headline" }, Cancellation);
                break;
            case "contact":
                await ada.EditProfileAsync(new { phone = "+33 1 23 45 67 89" }, Cancellation);
                break;
            case "openTo":
                await ada.EditProfileAsync(new { openTo = new List<string> { "newRole" } }, Cancellation);
                break;
            case "positions":
                await ada.AddPositionAsync("Dated Corp", "Engineer", App.MonthsAgo(3), cancellationToken: Cancellation);
                break;
            case "education":
                await ada.AddEducationAsync("Dated School", cancellationToken: Cancellation);
                break;
            default:
                using (var response = await ada.Client.PutAsJsonAsync(new Uri("/api/v1/me/skills", UriKind.Relative), new { skills = new List<string> { "Dating" } }, Cancellation))
                {
                    await MemberActions.EnsureSuccessAsync(response, "set skills", Cancellation);
                }

                break;
        }
    }

    private static Dictionary<string, DateTimeOffset?> Dates(JsonElement me) =>
        me.GetProperty("profile").GetProperty("updated").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.Null ? (DateTimeOffset?)null : p.Value.GetDateTimeOffset());
}
