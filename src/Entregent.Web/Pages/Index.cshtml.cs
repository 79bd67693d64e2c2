using Entregent.Web.Data;
using Entregent.Web.Features.Connections;
using Entregent.Web.Features.Feed;
using Entregent.Web.Features.Groups;
using Entregent.Web.Features.Profiles;
using Entregent.Web.Infrastructure;
using Entregent.Web.Network;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Entregent.Web.Pages;

/// <summary>
/// The front page: what Entregent is for a visitor; for a member, their feed (<see cref="ViewFeed"/>, "Show more" follows
/// the cursor in the address, so it works without script) beside what their profile still lacks.
/// </summary>
public sealed class IndexModel(EntregentDb db, NetworkGraph network, FeedIndex feed, IOptions<FeedOptions> feedOptions,
    IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed record Hint(string Text, string Link, string Action);

    /// <summary>A group the viewer may join, suggested when the feed is empty.</summary>
    public sealed record GroupSuggestion(string Slug, string Name, int MemberCount);

    /// <summary>The cursor of the page shown (the previous page's "next"); null for the newest posts.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Before { get; set; }

    public ViewFeed.Result? Feed { get; private set; }

    /// <summary>Set when the address carried a cursor this page cannot read.</summary>
    public string? FeedError { get; private set; }

    public IReadOnlyList<SuggestConnections.SuggestionView> People { get; private set; } = [];

    public IReadOnlyList<GroupSuggestion> Groups { get; private set; } = [];

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

        var page = await ViewFeed.ExecuteAsync(db, network, feed, feedOptions.Value, memberId, Before, null, cancellationToken);
        if (!page.Succeeded)
        {
            FeedError = t["This link to older posts is not valid any more: here are the newest ones."];
            page = await ViewFeed.ExecuteAsync(db, network, feed, feedOptions.Value, memberId, null, null, cancellationToken);
        }
        Feed = page.Value!;
        if (Feed.Items.Count == 0 && Before is null)
        {
            People = await SuggestConnections.ExecuteAsync(db, network, memberId, 3, cancellationToken);
            Groups = await SuggestGroupsAsync(memberId, cancellationToken);
        }
    }

    /// <summary>The biggest groups the member may join and has not joined: public ones, then private ones, as they may see them.</summary>
    private async Task<IReadOnlyList<GroupSuggestion>> SuggestGroupsAsync(long memberId, CancellationToken cancellationToken)
    {
        var viewer = await GroupViewer.LoadAsync(db, memberId, cancellationToken);
        var candidates = await db.Groups.AsNoTracking()
            .Where(g => g.Kind != GroupKind.Unlisted && !db.GroupMemberships.Any(m => m.GroupId == g.Id && m.MemberId == memberId))
            .OrderByDescending(g => g.Kind == GroupKind.Public).ThenByDescending(g => g.MemberCount).ThenBy(g => g.Id)
            .Select(g => new { g.Id, g.Kind, g.OrganizationId, g.IsInternal, g.Slug, g.Name, g.MemberCount })
            .Take(20).ToListAsync(cancellationToken);
        return candidates.Where(g => GroupAccess.CanSee(new GroupFacts(g.Id, g.Kind, g.OrganizationId, g.IsInternal), viewer))
            .Take(3).Select(g => new GroupSuggestion(g.Slug, g.Name, g.MemberCount)).ToList();
    }
}
