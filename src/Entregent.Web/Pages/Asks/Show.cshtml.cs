using Entregent.Web.Data;
using Entregent.Web.Features.Asks;
using Entregent.Web.Features.Search;
using Entregent.Web.Infrastructure;
using Entregent.Web.Infrastructure.Email;
using Entregent.Web.Network;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Entregent.Web.Pages.Asks;

/// <summary>
/// One of my asks: its groups as cards ("Paul can introduce you to 3 people") with a note box and an "Ask Paul" button,
/// the requests sent and their answers. An asked connection opening it lands on their inbox.
/// </summary>
[Authorize]
public sealed class ShowModel(EntregentDb db, NetworkGraph network, SearchIndex search, IEmailSender email, TimeProvider time,
    IStringLocalizer<SharedResource> t) : PageModel
{
    public AskView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        var outcome = await ViewAsk.ExecuteAsync(db, network, search, User.RequiredMemberId(), id, cancellationToken);
        if (!outcome.Succeeded)
        {
            return NotFound();
        }
        if (outcome.Value!.Ask is not { } view)
        {
            return LocalRedirect($"/asks/requests#request-{outcome.Value.Request!.Id}");
        }
        View = view;
        return Page();
    }

    public async Task<IActionResult> OnPostRequestAsync(long id, string connection, string? name, string? note, CancellationToken cancellationToken)
    {
        var outcome = await SendAskRequest.ExecuteAsync(db, network, search, email, time, User.RequiredMemberId(), id,
            new SendAskRequest.Request(connection, note), $"{Request.Scheme}://{Request.Host}{Request.PathBase}", cancellationToken);
        return await AfterAsync(id, outcome.Failure, t["Your request has been sent to {0}.", name ?? connection], cancellationToken);
    }

    public async Task<IActionResult> OnPostCloseAsync(long id, CancellationToken cancellationToken)
    {
        var outcome = await ViewAsk.CloseAsync(db, network, search, time, User.RequiredMemberId(), id, cancellationToken);
        return await AfterAsync(id, outcome.Failure, t["Your ask is closed."], cancellationToken);
    }

    private async Task<IActionResult> AfterAsync(long id, Failure? failure, string notice, CancellationToken cancellationToken)
    {
        if (failure is null)
        {
            TempData["Notice"] = notice;
            return LocalRedirect($"/asks/{id}");
        }
        if (failure.Kind == FailureKind.NotFound && failure.Errors is null)
        {
            var view = await ViewAsk.ExecuteAsync(db, network, search, User.RequiredMemberId(), id, cancellationToken);
            if (view.Value?.Ask is null)
            {
                return NotFound();
            }
        }
        ModelState.AddFailure(failure, t, prefix: "", hiddenFields: ["connection", "note", "status"]);
        return await OnGetAsync(id, cancellationToken);
    }

    /// <summary>The request already sent to a group's connection, if any.</summary>
    public AskRequestView? RequestTo(string handle) => View.Requests.FirstOrDefault(r => r.Connection.Handle == handle);
}
