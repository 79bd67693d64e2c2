using Entregent.Web.Data;
using Entregent.Web.Features.Profiles;
using Entregent.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Entregent.Web.Pages;

/// <summary>The front page: what Entregent is for a visitor; for a member, what their profile still lacks.</summary>
public sealed class IndexModel(EntregentDb db, IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed record Hint(string Text, string Link, string Action);

    public MyProfileView? Mine { get; private set; }

    public IReadOnlyList<Hint> Hints { get; private set; } = [];

    /// <summary>Filled sections out of <see cref="SectionCount"/>.</summary>
    public int Filled { get; private set; }

    public const int SectionCount = 7;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (User.MemberId() is not { } memberId)
        {
            return;
        }
        var outcome = await ViewProfile.MineAsync(db, memberId, cancellationToken);
        if (!outcome.Succeeded)
        {
            return;
        }
        Mine = outcome.Value!;
        var p = Mine.Profile;
        var hints = new List<Hint>();
        void Check(bool filled, string text, string link, string action)
        {
            if (filled)
            {
                Filled++;
            }
            else
            {
                hints.Add(new Hint(text, link, action));
            }
        }
        Check(p.PhotoUrl is not null, t["Add a photo so people recognise you."], "/me/photo", t["Add a photo"]);
        Check(!string.IsNullOrEmpty(p.Headline), t["Write a headline: what you do, in a line."], "/me/edit/intro", t["Write a headline"]);
        Check(!string.IsNullOrEmpty(p.Summary), t["Tell people about yourself in a short summary."], "/me/edit/intro", t["Write a summary"]);
        Check(!string.IsNullOrEmpty(p.Location), t["Say where you are based."], "/me/edit/intro", t["Add your location"]);
        Check(p.Positions.Count > 0, t["Add your current and past positions: they connect you to colleagues."], "/me/positions/new", t["Add a position"]);
        Check(p.Education.Count > 0, t["Add your education: former classmates can find you."], "/me/education/new", t["Add education"]);
        Check(p.Skills.Count > 0, t["List your skills."], "/me/skills", t["Add skills"]);
        Hints = hints;
    }
}
