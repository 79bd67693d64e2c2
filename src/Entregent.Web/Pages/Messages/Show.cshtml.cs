using Entregent.Web.Data;
using Entregent.Web.Features.Messaging;
using Entregent.Web.Infrastructure;
using Entregent.Web.Network;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Entregent.Web.Pages.Messages;

/// <summary>A conversation thread (the newest page unless another is asked for) and a form to reply.</summary>
[Authorize]
public sealed class ShowModel(EntregentDb db, NetworkGraph network, TimeProvider time, IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed class ReplyInput
    {
        public string? Body { get; set; }
    }

    [BindProperty]
    public ReplyInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "p")]
    public int? PageNumber { get; set; }

    public ViewConversation.ConversationView Conversation { get; private set; } = null!;

    public PagerView Pager(string label) =>
        new(Conversation.PageNumber, Conversation.PageSize, Conversation.Total, p => $"/messages/{Conversation.Id}?p=" + PagerView.Number(p), label);

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(long id, CancellationToken cancellationToken)
    {
        var outcome = await SendMessage.ExecuteAsync(db, network, time, User.RequiredMemberId(), id, new SendMessage.Request(Input.Body), cancellationToken);
        if (!outcome.Succeeded)
        {
            PageNumber = null;
            if (!await LoadAsync(id, cancellationToken))
            {
                return NotFound();
            }
            ModelState.AddFailure(outcome.Failure!, t);
            return Page();
        }
        return LocalRedirect($"/messages/{id}#message-{outcome.Value!.Id}");
    }

    private async Task<bool> LoadAsync(long id, CancellationToken cancellationToken)
    {
        var outcome = await ViewConversation.ExecuteAsync(db, network, time, User.RequiredMemberId(), id, PageNumber is > 0 ? PageNumber : null, cancellationToken);
        Conversation = outcome.Value!;
        return outcome.Succeeded;
    }
}
