using Entregent.Web.Data;
using Entregent.Web.Features.Messaging;
using Entregent.Web.Infrastructure;
using Entregent.Web.Network;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Entregent.Web.Pages.Messages;

/// <summary>Writing to one or more members; with <c>?to=handle</c>, says first whether and how that member can be written to.</summary>
[Authorize]
public sealed class NewModel(EntregentDb db, NetworkGraph network, MessagingNotifier notifier, IOptions<MessagingOptions> options, TimeProvider time,
    IStringLocalizer<SharedResource> t) : PageModel
{
    public sealed class MessageInput
    {
        public string? Handles { get; set; }
        public string? Subject { get; set; }
        public string? Body { get; set; }

        /// <summary>Makes a double submit (or a retry after a lost answer) send once.</summary>
        public string? ClientKey { get; set; }
    }

    [BindProperty]
    public MessageInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? To { get; set; }

    public MemberCard? Recipient { get; private set; }

    public WriteStanding? Standing { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Input.ClientKey = Guid.NewGuid().ToString("N");
        if (!string.IsNullOrWhiteSpace(To))
        {
            var me = User.RequiredMemberId();
            var found = await VisibleMembers.FindAsync(db, network, me, To, cancellationToken);
            if (!found.Succeeded || found.Value == me)
            {
                return NotFound();
            }
            Recipient = (await MemberCards.LoadAsync(db, network, me, [found.Value], cancellationToken))[found.Value];
            Standing = await MessagingAccess.StandingAsync(db, network, me, found.Value, cancellationToken);
            Input.Handles = Recipient.Handle;
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var handles = (Input.Handles ?? "").Split([',', ';', ' ', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var outcome = await OpenConversation.ExecuteAsync(db, network, notifier, options, time, User.RequiredMemberId(),
            new OpenConversation.Request(handles, Input.Subject, Input.Body, Input.ClientKey), cancellationToken);
        if (!outcome.Succeeded)
        {
            ModelState.AddFailure(outcome.Failure!, t, hiddenFields: "clientKey");
            return Page();
        }
        return LocalRedirect($"/messages/{outcome.Value!.Id}#message-{outcome.Value.Message.Id}");
    }
}
