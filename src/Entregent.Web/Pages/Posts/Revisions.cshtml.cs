using Entregent.Web.Data;
using Entregent.Web.Infrastructure;
using Entregent.Web.Features.Posts;
using Entregent.Web.Infrastructure.Markdown;
using Entregent.Web.Network;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Entregent.Web.Pages.Posts;

/// <summary>A post's earlier versions, for whoever may read it.</summary>
[Authorize]
public sealed class RevisionsModel(EntregentDb db, NetworkGraph network, MarkdownRenderer markdown) : PageModel
{
    public long Id { get; private set; }

    public IReadOnlyList<EditPost.RevisionView> Revisions { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        var outcome = await EditPost.RevisionsAsync(db, network, markdown, User.RequiredMemberId(), id, cancellationToken);
        if (!outcome.Succeeded)
        {
            return NotFound();
        }
        Id = id;
        Revisions = outcome.Value!;
        return Page();
    }
}
