using Entregent.Web.Data;
using Entregent.Web.Features.Posts;
using Entregent.Web.Infrastructure;
using Entregent.Web.Infrastructure.Markdown;
using Entregent.Web.Network;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Entregent.Web.Pages.Posts;

/// <summary>One post: its text, reactions, comments with one level of replies, and the author's and managers' menus. Works without JS.</summary>
[Authorize]
public sealed class ShowModel(EntregentDb db, NetworkGraph network, MarkdownRenderer markdown, TimeProvider time,
    IStringLocalizer<SharedResource> t) : PageModel
{
    public PostDetail Detail { get; private set; } = null!;

    public IReadOnlyList<CommentView> Comments { get; private set; } = [];

    public ReactionsView Reactions { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostReactAsync(long id, ReactionKind? kind, long? commentId, CancellationToken cancellationToken) =>
        ActAsync(id, React.SetAsync(db, network, time, Me, id, commentId, new React.Request(kind), cancellationToken), null, cancellationToken);

    public Task<IActionResult> OnPostUnreactAsync(long id, long? commentId, CancellationToken cancellationToken) =>
        ActAsync(id, React.RemoveAsync(db, network, Me, id, commentId, cancellationToken), null, cancellationToken);

    public Task<IActionResult> OnPostCommentAsync(long id, string? body, long? replyTo, CancellationToken cancellationToken) =>
        ActAsync(id, Features.Posts.Comments.AddAsync(db, network, markdown, time, Me, id, new Features.Posts.Comments.Request(body, replyTo), cancellationToken),
            t["Comment posted."], cancellationToken);

    public Task<IActionResult> OnPostDeleteCommentAsync(long id, long commentId, CancellationToken cancellationToken) =>
        ActAsync(id, Features.Posts.Comments.DeleteAsync(db, network, Me, id, commentId, cancellationToken), t["Comment deleted."], cancellationToken);

    public Task<IActionResult> OnPostEditAsync(long id, string? title, string? body, int? version, CancellationToken cancellationToken) =>
        ActAsync(id, EditPost.ExecuteAsync(db, network, markdown, time, Me, id, new EditPost.Request(title, body, version), cancellationToken),
            t["Post updated."], cancellationToken);

    public Task<IActionResult> OnPostApproveAsync(long id, CancellationToken cancellationToken) =>
        ActAsync(id, ModeratePosts.ApproveAsync(db, network, markdown, time, Me, id, cancellationToken), t["Post approved."], cancellationToken);

    public Task<IActionResult> OnPostRemoveAsync(long id, string? reason, CancellationToken cancellationToken) =>
        ActAsync(id, ModeratePosts.RemoveAsync(db, network, time, Me, id, new ModeratePosts.RemovalRequest(reason), cancellationToken),
            t["Post removed."], cancellationToken);

    public async Task<IActionResult> OnPostDeleteAsync(long id, CancellationToken cancellationToken)
    {
        var outcome = await DeletePost.ExecuteAsync(db, network, Me, id, cancellationToken);
        if (!outcome.Succeeded)
        {
            return await FailAsync(id, outcome.Failure!, cancellationToken);
        }
        TempData["Notice"] = t["Post deleted."].Value;
        return LocalRedirect("/");
    }

    private long Me => User.RequiredMemberId();

    private async Task<IActionResult> ActAsync<T>(long id, Task<Outcome<T>> action, string? notice, CancellationToken cancellationToken)
    {
        var outcome = await action;
        if (!outcome.Succeeded)
        {
            return await FailAsync(id, outcome.Failure!, cancellationToken);
        }
        if (notice is not null)
        {
            TempData["Notice"] = notice;
        }
        return LocalRedirect($"/posts/{id}");
    }

    private async Task<IActionResult> FailAsync(long id, Failure failure, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }
        ModelState.AddFailure(failure, t, prefix: "");
        return Page();
    }

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        var detail = await ViewPost.ExecuteAsync(db, network, Me, id, cancellationToken);
        if (!detail.Succeeded)
        {
            return false;
        }
        Detail = detail.Value!;
        Comments = (await Features.Posts.Comments.ListAsync(db, network, Me, id, cancellationToken)).Value!;
        Reactions = (await React.ListAsync(db, network, Me, id, null, cancellationToken)).Value!;
        return true;
    }
}
