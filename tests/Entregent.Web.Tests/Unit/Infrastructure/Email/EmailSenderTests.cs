using System.Text;
using Entregent.Web.Infrastructure.Email;
using MailKit.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Entregent.Web.Tests.Unit.Infrastructure.Email;

public sealed class EmailSenderTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 3, 4, 5, 6, 7, 890, TimeSpan.Zero);

    // The Date header (RFC 5322) carries whole seconds.
    private static readonly DateTimeOffset NowInHeader = new(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);

    private readonly string _dataPath = Path.Combine(Path.GetTempPath(), "entregent-tests", Guid.NewGuid().ToString("N"));
    private readonly FixedTimeProvider _time = new(Now);

    public void Dispose()
    {
        if (Directory.Exists(_dataPath))
        {
            Directory.Delete(_dataPath, recursive: true);
        }
    }

    [Fact]
    public async Task PickupFolder_SendAsync_WritesParseableEml()
    {
        var sender = BuildServices().GetRequiredService<IEmailSender>();
        Assert.IsType<PickupFolderEmailSender>(sender);

        await sender.SendAsync(
            new EmailMessage("Ada Lovelace <ada@example.org>", "Welcome to Entregent", "Hello Ada", "<p>Hello <b>Ada</b></p>"),
            TestContext.Current.CancellationToken);

        var file = Assert.Single(Directory.GetFiles(Path.Combine(_dataPath, "mail")));
        Assert.Matches(@"^20260304T050607890[0-9]{4}Z-[0-9a-f]{32}\.eml$", Path.GetFileName(file));
        using var message = await MimeMessage.LoadAsync(file, TestContext.Current.CancellationToken);
        Assert.Equal("\"Entregent\" <no-reply@localhost>", message.From.ToString());
        Assert.Equal("ada@example.org", message.To.Mailboxes.Single().Address);
        Assert.Equal("Welcome to Entregent", message.Subject);
        Assert.Equal(NowInHeader, message.Date);
        Assert.EndsWith("@localhost", message.MessageId, StringComparison.Ordinal);
        Assert.Equal("Hello Ada", message.TextBody?.TrimEnd());
        Assert.Equal("<p>Hello <b>Ada</b></p>", message.HtmlBody?.TrimEnd());
    }

    [Fact]
    public async Task PickupFolder_TwoMessages_NamesSortBySendingTime()
    {
        var sender = BuildServices(("Email:PickupDirectory", Path.Combine(_dataPath, "outbox"))).GetRequiredService<IEmailSender>();

        await sender.SendAsync(new EmailMessage("b@example.org", "first", "1"), TestContext.Current.CancellationToken);
        _time.Now = Now.AddTicks(1);
        await sender.SendAsync(new EmailMessage("a@example.org", "second", "2"), TestContext.Current.CancellationToken);

        var files = Directory.GetFiles(Path.Combine(_dataPath, "outbox")).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(2, files.Length);
        using var first = await MimeMessage.LoadAsync(files[0], TestContext.Current.CancellationToken);
        Assert.Equal("first", first.Subject);
        Assert.Null(first.HtmlBody);
    }

    [Theory]
    [InlineData("not an address")]
    [InlineData("no-domain")]
    [InlineData("Entregent <@localhost>")]
    [InlineData("Entregent <no-reply@localhost>\r\nBcc: victim@example.org")]
    public async Task SendAsync_BadRecipient_Throws(string to)
    {
        var sender = BuildServices().GetRequiredService<IEmailSender>();

        await Assert.ThrowsAsync<ArgumentException>(
            () => sender.SendAsync(new EmailMessage(to, "s", "t"), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task SendAsync_MultilineSubject_Throws()
    {
        var sender = BuildServices().GetRequiredService<IEmailSender>();

        await Assert.ThrowsAsync<ArgumentException>(
            () => sender.SendAsync(new EmailMessage("a@example.org", "hi\r\nBcc: x@example.org", "t"), TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("not an address")]
    [InlineData("no-reply")]
    [InlineData("Entregent <no-reply>")]
    [InlineData("")]
    [InlineData("a@b.org\nBcc: c@d.org")]
    public void Options_BadFromAddress_FailValidation(string from)
    {
        var services = BuildServices(("Email:From", from));

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<EmailOptions>>().Value);
        Assert.Contains("Email:From", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("no-reply@entregent.example")]
    [InlineData("Entregent <no-reply@entregent.example>")]
    [InlineData("\"Entregent, the network\" <no-reply@entregent.example>")]
    public void Options_GoodFromAddress_Valid(string from)
    {
        var options = BuildServices(("Email:From", from)).GetRequiredService<IOptions<EmailOptions>>().Value;

        Assert.Equal(from, options.From);
    }

    [Fact]
    public void Options_Defaults_PickupUnderDataPath()
    {
        var options = BuildServices().GetRequiredService<IOptions<EmailOptions>>().Value;

        Assert.Equal(EmailDelivery.PickupFolder, options.Delivery);
        Assert.Equal("Entregent <no-reply@localhost>", options.From);
        Assert.Equal(Path.Combine(_dataPath, "mail"), options.PickupDirectory);
        Assert.Equal(587, options.Smtp.Port);
        Assert.True(options.Smtp.UseStartTls);
    }

    [Theory]
    [InlineData(null, "587", null, "Email:Smtp:Host")]
    [InlineData("smtp.example.org", "0", null, "Email:Smtp:Port")]
    [InlineData("smtp.example.org", "70000", null, "Email:Smtp:Port")]
    [InlineData("smtp.example.org", "587", "user", "Email:Smtp:Password")]
    public void Options_IncompleteSmtp_FailValidation(string? host, string port, string? username, string expectedKey)
    {
        var services = BuildServices(
            ("Email:Delivery", "Smtp"), ("Email:Smtp:Host", host), ("Email:Smtp:Port", port), ("Email:Smtp:Username", username));

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<EmailOptions>>().Value);
        Assert.Contains(expectedKey, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Registration_SmtpDelivery_ResolvesSmtpSender()
    {
        var services = BuildServices(("Email:Delivery", "Smtp"), ("Email:Smtp:Host", "smtp.example.org"));

        Assert.IsType<SmtpEmailSender>(services.GetRequiredService<IEmailSender>());
    }

    [Theory]
    [InlineData(true, 587, SecureSocketOptions.StartTls)]
    [InlineData(true, 25, SecureSocketOptions.StartTls)]
    [InlineData(false, 465, SecureSocketOptions.SslOnConnect)]
    [InlineData(false, 25, SecureSocketOptions.None)]
    public void Smtp_SocketOptions_FollowConfiguration(bool useStartTls, int port, SecureSocketOptions expected)
    {
        Assert.Equal(expected, SmtpEmailSender.SocketOptions(new SmtpOptions { UseStartTls = useStartTls, Port = port }));
    }

    [Fact]
    public async Task Smtp_SendAsync_DeliversMessageToServer()
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        using var server = new LoopbackSmtpServer();
        var options = Options.Create(new EmailOptions
        {
            Delivery = EmailDelivery.Smtp,
            From = "Entregent <no-reply@entregent.example>",
            Smtp = new SmtpOptions { Host = "127.0.0.1", Port = server.Port, UseStartTls = false },
        });
        var sender = new SmtpEmailSender(options, _time, NullLogger<SmtpEmailSender>.Instance);
        var received = server.ReceiveOneAsync(timeout.Token);

        await sender.SendAsync(new EmailMessage("ada@example.org", "Your invitation", "Plain", "<p>Rich</p>"), timeout.Token);

        var data = await received;
        Assert.Contains(server.Commands, command => command.StartsWith("MAIL FROM:<no-reply@entregent.example>", StringComparison.Ordinal));
        Assert.Contains(server.Commands, command => command.StartsWith("RCPT TO:<ada@example.org>", StringComparison.Ordinal));
        using var message = await MimeMessage.LoadAsync(new MemoryStream(Encoding.Latin1.GetBytes(data)), timeout.Token);
        Assert.Equal("Your invitation", message.Subject);
        Assert.Equal("no-reply@entregent.example", message.From.Mailboxes.Single().Address);
        Assert.Equal(NowInHeader, message.Date);
        Assert.Equal("Plain", message.TextBody?.TrimEnd());
        Assert.Equal("<p>Rich</p>", message.HtmlBody?.TrimEnd());
    }

    private ServiceProvider BuildServices(params (string Key, string? Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Storage:DataPath"] = _dataPath })
            .AddInMemoryCollection(settings.Select(setting => new KeyValuePair<string, string?>(setting.Key, setting.Value)))
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(_time);
        services.AddLogging();
        services.AddEntregentEmail(configuration);
        return services.BuildServiceProvider();
    }
}
