using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Entregent.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Entregent.Web.Tests.Integration.Problems;

namespace Entregent.Web.Tests.Integration.Accounts;

public class AccountTests(EntregentFactory app) : IntegrationTest(app)
{
    private static readonly Uri Accounts = new("/api/v1/accounts", UriKind.Relative);
    private static readonly Uri Token = new("/api/v1/accounts/token", UriKind.Relative);
    private static readonly Uri Refresh = new("/api/v1/accounts/token/refresh", UriKind.Relative);
    private static readonly Uri Me = new("/api/v1/me", UriKind.Relative);

    [Fact]
    public async Task Register_AccentedName_CreatedWithFoldedHandle()
    {
        using var client = AnonymousClient();
        var email = UniqueEmail("helene");

        using var response = await client.PostAsJsonAsync(Accounts, new { email, password = MemberActions.DefaultPassword, displayName = "Hélène Lefèvre" }, Cancellation);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var handle = (await response.ReadJsonAsync(Cancellation)).GetProperty("handle").GetString();
        Assert.StartsWith("helene-lefevre", handle, StringComparison.Ordinal);
        Assert.Equal($"/api/v1/members/{handle}", response.Headers.Location?.OriginalString);
        using var profile = await client.GetAsync(new Uri($"/api/v1/members/{handle}", UriKind.Relative), Cancellation);
        Assert.Equal("Hélène Lefèvre", (await profile.ReadJsonAsync(Cancellation)).GetProperty("displayName").GetString());
    }

    [Fact]
    public async Task Register_SameNameTwice_SecondHandleNumbered()
    {
        var first = await RegisterMemberAsync("Zoë Ündine");
        var second = await RegisterMemberAsync("Zoe Undine");
        var third = await RegisterMemberAsync("ZOÉ undine");

        Assert.Equal("zoe-undine", first.Handle);
        Assert.Equal("zoe-undine-2", second.Handle);
        Assert.Equal("zoe-undine-3", third.Handle);
    }

    [Theory]
    [InlineData("Admin", "admin-member")]
    [InlineData("Al", "al-member")]
    [InlineData("Дмитрий Иванов", null)]
    [InlineData("李小龍", null)]
    [InlineData("!!!", "member")]
    public async Task Register_NameWithoutAUsableHandle_WellFormedHandle(string displayName, string? expectedStem)
    {
        var member = await RegisterMemberAsync(displayName);

        Assert.True(Entregent.Web.Features.Profiles.ProfileHandles.Problem(member.Handle) is null, $"'{member.Handle}' is not a usable handle.");
        if (expectedStem is not null)
        {
            Assert.StartsWith(expectedStem, member.Handle, StringComparison.Ordinal);
        }

        using var client = AnonymousClient();
        using var profile = await client.GetAsync(new Uri($"/api/v1/members/{Uri.EscapeDataString(member.Handle)}", UriKind.Relative), Cancellation);
        Assert.Equal(displayName, (await profile.ReadJsonAsync(Cancellation)).GetProperty("displayName").GetString());
    }

    [Fact]
    public async Task Token_RightPassword_AccessAndRefreshTokens()
    {
        var ada = await RegisterMemberAsync("Ada Token");
        using var client = AnonymousClient();

        using var response = await client.PostAsJsonAsync(Token, new { email = ada.Email, password = ada.Password }, Cancellation);

        var body = await response.ReadJsonAsync(Cancellation);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(string.IsNullOrEmpty(body.GetProperty("accessToken").GetString()));
        Assert.False(string.IsNullOrEmpty(body.GetProperty("refreshToken").GetString()));
        Assert.Equal(3600, body.GetProperty("expiresIn").GetInt64());
        using var me = await GetAsBearerAsync(body.GetProperty("accessToken").GetString()!, Me);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
    }

    [Theory]
    [InlineData("wrong-password-123")]
    [InlineData("")]
    public async Task Token_WrongPassword_Unauthorized(string password)
    {
        var ada = await RegisterMemberAsync("Ada Wrong");
        using var client = AnonymousClient();

        using var response = await client.PostAsJsonAsync(Token, new { email = ada.Email, password }, Cancellation);

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Token_UnknownEmail_Unauthorized()
    {
        using var client = AnonymousClient();

        using var response = await client.PostAsJsonAsync(Token, new { email = UniqueEmail("nobody"), password = MemberActions.DefaultPassword }, Cancellation);

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Me_NoToken_Unauthorized()
    {
        using var client = AnonymousClient();

        using var response = await client.GetAsync(Me, Cancellation);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Refresh_ValidRefreshToken_NewAccessTokenWorks()
    {
        var ada = await RegisterMemberAsync("Ada Refresh");
        using var client = AnonymousClient();

        using var response = await client.PostAsJsonAsync(Refresh, new { refreshToken = ada.RefreshToken }, Cancellation);

        var body = await response.ReadJsonAsync(Cancellation);
        var access = body.GetProperty("accessToken").GetString()!;
        Assert.NotEqual(ada.AccessToken, access);
        using var me = await GetAsBearerAsync(access, Me);
        Assert.Equal(ada.Email, (await me.ReadJsonAsync(Cancellation)).GetProperty("email").GetString());
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("")]
    [InlineData("CfDJ8-not-a-real-token")]
    public async Task Refresh_GarbageToken_Unauthorized(string refreshToken)
    {
        using var client = AnonymousClient();

        using var response = await client.PostAsJsonAsync(Refresh, new { refreshToken }, Cancellation);

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Refresh_AccessTokenInsteadOfRefreshToken_Unauthorized()
    {
        var ada = await RegisterMemberAsync("Ada Swapped");
        using var client = AnonymousClient();

        using var response = await client.PostAsJsonAsync(Refresh, new { refreshToken = ada.AccessToken }, Cancellation);

        await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Refresh_AfterSignOutEverywhere_Unauthorized()
    {
        var ada = await RegisterMemberAsync("Ada Everywhere");

        using var signOut = await ada.Client.PostAsync(new Uri("/api/v1/accounts/sign-out-everywhere", UriKind.Relative), null, Cancellation);
        Assert.Equal(HttpStatusCode.NoContent, signOut.StatusCode);

        using var client = AnonymousClient();
        using var response = await client.PostAsJsonAsync(Refresh, new { refreshToken = ada.RefreshToken }, Cancellation);
        await AssertProblemAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task ConfirmEmail_CodeFromMail_EmailConfirmed()
    {
        var ada = await RegisterMemberAsync("Ada Confirm");
        Assert.False((await ada.GetMyProfileAsync(Cancellation)).GetProperty("emailConfirmed").GetBoolean());
        var link = await App.OpenMailLinkAsync(ada.Email, "Confirm", Cancellation);
        using var client = AnonymousClient();

        using var response = await client.PostAsJsonAsync(
            new Uri("/api/v1/accounts/confirm-email", UriKind.Relative),
            new { memberId = long.Parse(link["member"], System.Globalization.CultureInfo.InvariantCulture), code = link["code"] },
            Cancellation);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.True((await ada.GetMyProfileAsync(Cancellation)).GetProperty("emailConfirmed").GetBoolean());
    }

    [Theory]
    [InlineData("not-base64url-%%%")]
    [InlineData("")]
    [InlineData("Q2ZESjhvdGhlcg")]
    public async Task ConfirmEmail_BadCode_BadRequestOnCode(string code)
    {
        var ada = await RegisterMemberAsync("Ada Bad Code");
        var memberId = await App.MemberIdAsync(ada, Cancellation);
        using var client = AnonymousClient();

        using var response = await client.PostAsJsonAsync(new Uri("/api/v1/accounts/confirm-email", UriKind.Relative), new { memberId, code }, Cancellation);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "code");
        Assert.False((await ada.GetMyProfileAsync(Cancellation)).GetProperty("emailConfirmed").GetBoolean());
    }

    [Fact]
    public async Task ConfirmEmail_AnotherMembersCode_BadRequest()
    {
        var ada = await RegisterMemberAsync("Ada Own Code");
        var eve = await RegisterMemberAsync("Eve Other Code");
        var link = await App.OpenMailLinkAsync(ada.Email, "Confirm", Cancellation);
        using var client = AnonymousClient();

        using var response = await client.PostAsJsonAsync(
            new Uri("/api/v1/accounts/confirm-email", UriKind.Relative),
            new { memberId = await App.MemberIdAsync(eve, Cancellation), code = link["code"] },
            Cancellation);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "code");
        Assert.False((await eve.GetMyProfileAsync(Cancellation)).GetProperty("emailConfirmed").GetBoolean());
    }

    [Fact]
    public async Task ResendConfirmation_Unconfirmed_SecondMailWhoseCodeWorks()
    {
        var ada = await RegisterMemberAsync("Ada Resend");
        using var client = AnonymousClient();

        using var response = await client.PostAsJsonAsync(new Uri("/api/v1/accounts/confirmation-email", UriKind.Relative), new { email = ada.Email }, Cancellation);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(2, (await App.MailsToAsync(ada.Email, Cancellation)).Count);
        var link = await App.OpenMailLinkAsync(ada.Email, "Confirm", Cancellation);
        using var confirm = await client.PostAsJsonAsync(
            new Uri("/api/v1/accounts/confirm-email", UriKind.Relative),
            new { memberId = long.Parse(link["member"], System.Globalization.CultureInfo.InvariantCulture), code = link["code"] },
            Cancellation);
        Assert.Equal(HttpStatusCode.NoContent, confirm.StatusCode);
        Assert.True((await ada.GetMyProfileAsync(Cancellation)).GetProperty("emailConfirmed").GetBoolean());

        // Once confirmed, or for an unknown address, the answer is the same and nothing is sent.
        using var again = await client.PostAsJsonAsync(new Uri("/api/v1/accounts/confirmation-email", UriKind.Relative), new { email = ada.Email }, Cancellation);
        var stranger = UniqueEmail("stranger");
        using var unknown = await client.PostAsJsonAsync(new Uri("/api/v1/accounts/confirmation-email", UriKind.Relative), new { email = stranger }, Cancellation);
        Assert.Equal(HttpStatusCode.Accepted, again.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, unknown.StatusCode);
        Assert.Equal(2, (await App.MailsToAsync(ada.Email, Cancellation)).Count);
        Assert.Empty(await App.MailsToAsync(stranger, Cancellation));
    }

    [Fact]
    public async Task PasswordReset_CodeFromMail_NewPasswordWorksOldFailsOldRefreshRefused()
    {
        var ada = await RegisterMemberAsync("Ada Reset");
        using var client = AnonymousClient();
        const string NewPassword = "an0ther-long-password";

        using (var start = await client.PostAsJsonAsync(new Uri("/api/v1/accounts/password-reset", UriKind.Relative), new { email = ada.Email }, Cancellation))
        {
            Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
        }

        var link = await App.OpenMailLinkAsync(ada.Email, "Reset", Cancellation);
        Assert.Equal(ada.Email, link["email"]);
        using (var confirm = await client.PostAsJsonAsync(
            new Uri("/api/v1/accounts/password-reset/confirm", UriKind.Relative),
            new { email = ada.Email, code = link["code"], newPassword = NewPassword },
            Cancellation))
        {
            Assert.Equal(HttpStatusCode.NoContent, confirm.StatusCode);
        }

        using var withNew = await client.PostAsJsonAsync(Token, new { email = ada.Email, password = NewPassword }, Cancellation);
        Assert.Equal(HttpStatusCode.OK, withNew.StatusCode);
        using var withOld = await client.PostAsJsonAsync(Token, new { email = ada.Email, password = ada.Password }, Cancellation);
        await AssertProblemAsync(withOld, HttpStatusCode.Unauthorized);
        using var oldRefresh = await client.PostAsJsonAsync(Refresh, new { refreshToken = ada.RefreshToken }, Cancellation);
        await AssertProblemAsync(oldRefresh, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task PasswordReset_CodeUsedTwice_SecondRefused()
    {
        var ada = await RegisterMemberAsync("Ada Reset Twice");
        using var client = AnonymousClient();
        using (var start = await client.PostAsJsonAsync(new Uri("/api/v1/accounts/password-reset", UriKind.Relative), new { email = ada.Email }, Cancellation))
        {
            Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
        }

        var link = await App.OpenMailLinkAsync(ada.Email, "Reset", Cancellation);
        var confirm = new Uri("/api/v1/accounts/password-reset/confirm", UriKind.Relative);
        using (var first = await client.PostAsJsonAsync(confirm, new { email = ada.Email, code = link["code"], newPassword = "first-new-password-1" }, Cancellation))
        {
            Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        }

        using var second = await client.PostAsJsonAsync(confirm, new { email = ada.Email, code = link["code"], newPassword = "second-new-password-2" }, Cancellation);

        await AssertProblemAsync(second, HttpStatusCode.BadRequest, "code");
        Assert.NotNull(await SignInAsync(ada.Email, "first-new-password-1"));
    }

    [Fact]
    public async Task PasswordReset_UnknownEmail_AcceptedAndNoMail()
    {
        var email = UniqueEmail("ghost");
        using var client = AnonymousClient();

        using var response = await client.PostAsJsonAsync(new Uri("/api/v1/accounts/password-reset", UriKind.Relative), new { email }, Cancellation);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Empty(await App.MailsToAsync(email, Cancellation));
    }

    [Fact]
    public async Task PasswordReset_WeakNewPassword_BadRequestAndOldPasswordStays()
    {
        var ada = await RegisterMemberAsync("Ada Weak Reset");
        using var client = AnonymousClient();
        using (var start = await client.PostAsJsonAsync(new Uri("/api/v1/accounts/password-reset", UriKind.Relative), new { email = ada.Email }, Cancellation))
        {
            Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
        }

        var link = await App.OpenMailLinkAsync(ada.Email, "Reset", Cancellation);

        using var response = await client.PostAsJsonAsync(
            new Uri("/api/v1/accounts/password-reset/confirm", UriKind.Relative),
            new { email = ada.Email, code = link["code"], newPassword = "short" },
            Cancellation);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "newPassword");
        Assert.NotNull(await SignInAsync(ada.Email, ada.Password));
    }

    [Fact]
    public async Task Token_FiveWrongPasswords_LockedEvenWithTheRightOne()
    {
        var ada = await RegisterMemberAsync("Ada Locked");
        using var client = AnonymousClient();
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            using var wrong = await client.PostAsJsonAsync(Token, new { email = ada.Email, password = "wrong-password-" + attempt }, Cancellation);
            await AssertProblemAsync(wrong, HttpStatusCode.Unauthorized);
        }

        using (var fifth = await client.PostAsJsonAsync(Token, new { email = ada.Email, password = "wrong-password-5" }, Cancellation))
        {
            Assert.Contains(fifth.StatusCode, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden });
        }

        using var right = await client.PostAsJsonAsync(Token, new { email = ada.Email, password = ada.Password }, Cancellation);

        await AssertProblemAsync(right, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task PasswordReset_LockedAccount_UnlockedWithTheNewPassword()
    {
        var ada = await RegisterMemberAsync("Ada Locked Reset");
        using var client = AnonymousClient();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var wrong = await client.PostAsJsonAsync(Token, new { email = ada.Email, password = "wrong-password-" + attempt }, Cancellation);
        }

        using (var locked = await client.PostAsJsonAsync(Token, new { email = ada.Email, password = ada.Password }, Cancellation))
        {
            Assert.Equal(HttpStatusCode.Forbidden, locked.StatusCode);
        }

        using (var start = await client.PostAsJsonAsync(new Uri("/api/v1/accounts/password-reset", UriKind.Relative), new { email = ada.Email }, Cancellation))
        {
            Assert.Equal(HttpStatusCode.Accepted, start.StatusCode);
        }

        var link = await App.OpenMailLinkAsync(ada.Email, "Reset", Cancellation);
        using (var confirm = await client.PostAsJsonAsync(
            new Uri("/api/v1/accounts/password-reset/confirm", UriKind.Relative),
            new { email = ada.Email, code = link["code"], newPassword = "unlocked-password-1" },
            Cancellation))
        {
            Assert.Equal(HttpStatusCode.NoContent, confirm.StatusCode);
        }

        using var response = await client.PostAsJsonAsync(Token, new { email = ada.Email, password = "unlocked-password-1" }, Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Token_FourWrongPasswords_RightOneStillWorks()
    {
        var ada = await RegisterMemberAsync("Ada Not Locked");
        using var client = AnonymousClient();
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            using var wrong = await client.PostAsJsonAsync(Token, new { email = ada.Email, password = "wrong-password-" + attempt }, Cancellation);
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using var right = await client.PostAsJsonAsync(Token, new { email = ada.Email, password = ada.Password }, Cancellation);

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Register_DuplicateEmail_ConflictOnEmail(bool differentCase)
    {
        var ada = await RegisterMemberAsync("Ada Duplicate");
        var before = await CountMembersAsync();
        using var client = AnonymousClient();

        using var response = await client.PostAsJsonAsync(
            Accounts,
            new { email = differentCase ? ada.Email.ToUpperInvariant() : ada.Email, password = MemberActions.DefaultPassword, displayName = "Someone Else" },
            Cancellation);

        await AssertProblemAsync(response, HttpStatusCode.Conflict, "email");
        Assert.Equal(before, await CountMembersAsync());
    }

    [Theory]
    [InlineData("short1")]
    [InlineData("nodigitsatalllong")]
    [InlineData("")]
    public async Task Register_WeakPassword_BadRequestOnPassword(string password)
    {
        var email = UniqueEmail("weak");
        using var client = AnonymousClient();

        using var response = await client.PostAsJsonAsync(Accounts, new { email, password, displayName = "Weak Password" }, Cancellation);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "password");
        var normalized = email.ToUpperInvariant();
        Assert.Equal(0, await App.InStoreAsync(db => db.Users.CountAsync(u => u.NormalizedEmail == normalized, Cancellation)));
    }

    [Theory]
    [InlineData("not-an-email", "Valid Name", "email")]
    [InlineData("", "Valid Name", "email")]
    [InlineData(null, "<b>Bold</b>", "displayName")]
    [InlineData(null, "", "displayName")]
    public async Task Register_InvalidField_BadRequestNamingIt(string? email, string displayName, string field)
    {
        using var client = AnonymousClient();
        var before = await CountMembersAsync();

        using var response = await client.PostAsJsonAsync(
            Accounts, new { email = email ?? UniqueEmail("invalid"), password = MemberActions.DefaultPassword, displayName }, Cancellation);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, field);
        Assert.Equal(before, await CountMembersAsync());
    }

    [Fact]
    public async Task Register_Created_ConfirmationMailSent()
    {
        var ada = await RegisterMemberAsync("Ada Mail");

        var mails = await App.MailsToAsync(ada.Email, Cancellation);

        var mail = Assert.Single(mails);
        Assert.Contains("Confirm", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("/account/confirm-email?member=", mail.TextBody, StringComparison.Ordinal);
    }

    private Task<int> CountMembersAsync() => App.InStoreAsync(db => db.Users.CountAsync(Cancellation));

    private static string UniqueEmail(string local) => $"{local}.{Guid.NewGuid():N}@example.org";

    private async Task<HttpResponseMessage> GetAsBearerAsync(string accessToken, Uri uri)
    {
        using var client = AnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return await client.GetAsync(uri, Cancellation);
    }
}

/// <summary>Who administers the instance: the first account, and no one after it.</summary>
public class AdministratorTests(EntregentFactory app) : IntegrationTest(app)
{
    [Fact]
    public async Task Register_FirstAndSecondAccount_OnlyTheFirstAdministers()
    {
        var first = await RegisterMemberAsync("First Member");
        var second = await RegisterMemberAsync("Second Member");

        Assert.True((await first.GetMyProfileAsync(Cancellation)).GetProperty("isAdministrator").GetBoolean());
        Assert.False((await second.GetMyProfileAsync(Cancellation)).GetProperty("isAdministrator").GetBoolean());
        Assert.Equal(1, await App.InStoreAsync(db => db.Users.CountAsync(u => u.IsAdministrator, Cancellation)));
    }
}
