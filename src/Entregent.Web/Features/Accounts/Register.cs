using Entregent.Web.Data;
using Entregent.Web.Features.Profiles;
using Entregent.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Entregent.Web.Features.Accounts;

/// <summary>Create an account and its profile; the very first account administers the instance.</summary>
public static class Register
{
    public sealed record Request(string? Email, string? Password, string? DisplayName);

    public sealed record Response(string Handle);

    public static async Task<Outcome<(Member Member, Response Response)>> ExecuteAsync(
        Request request, UserManager<Member> users, EntregentDb db, TimeProvider time, AccountEmails emails,
        string baseUrl, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var email = errors.Email("email", request.Email, required: true);
        var displayName = errors.Line("displayName", request.DisplayName, Profile.DisplayNameMaxLength, required: true);
        if (string.IsNullOrEmpty(request.Password))
        {
            errors.Add("password", "This field is required.");
        }
        else if (request.Password.Length > 256)
        {
            errors.Add("password", "At most 256 characters.");
        }
        else
        {
            foreach (var validator in users.PasswordValidators)
            {
                var result = await validator.ValidateAsync(users, new Member(), request.Password);
                foreach (var error in result.Errors)
                {
                    errors.Add("password", error.Description);
                }
            }
        }
        if (errors.Any)
        {
            return errors.ToFailure();
        }
        if (await users.FindByEmailAsync(email!) is not null)
        {
            return Failure.Conflict("email", "An account with this e-mail address already exists.");
        }

        var now = time.GetUtcNow();
        // Handles are unique; two people with one name registering at the same instant collide on the index,
        // and the second simply takes the next free handle.
        for (var attempt = 0; ; attempt++)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var member = new Member { UserName = email, Email = email, CreatedAt = now };
            string handle;
            try
            {
                var created = await users.CreateAsync(member, request.Password!);
                if (!created.Succeeded)
                {
                    return created.Errors.Any(e => e.Code is "DuplicateEmail" or "DuplicateUserName")
                        ? Failure.Conflict("email", "An account with this e-mail address already exists.")
                        : Failure.Invalid("password", string.Join(" ", created.Errors.Select(e => e.Description)));
                }
                handle = await ProfileHandles.FreeHandleForAsync(db, displayName!, cancellationToken);
                db.Profiles.Add(new Profile
                {
                    MemberId = member.Id,
                    Handle = handle,
                    DisplayName = displayName!,
                    IntroUpdatedAt = now,
                    ContactUpdatedAt = now,
                    OpenToUpdatedAt = now,
                });
                member.IsAdministrator = !await db.Users.AnyAsync(u => u.Id < member.Id, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                await transaction.RollbackAsync(cancellationToken);
                db.ChangeTracker.Clear();
                if (await users.FindByEmailAsync(email!) is not null)
                {
                    return Failure.Conflict("email", "An account with this e-mail address already exists.");
                }
                continue;
            }
            var token = await users.GenerateEmailConfirmationTokenAsync(member);
            await emails.SendConfirmationAsync(member, displayName!, token, baseUrl, cancellationToken);
            return (member, new Response(handle));
        }
    }
}
