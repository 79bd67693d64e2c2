using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Entregent.Web.Tests.Unit.Infrastructure.Email;

internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>
/// Just enough of an SMTP server on 127.0.0.1 to accept one message without TLS or authentication, so the sender
/// is tested against real MailKit traffic without any external address.
/// </summary>
internal sealed class LoopbackSmtpServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);

    public LoopbackSmtpServer()
    {
        _listener.Start();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public List<string> Commands { get; } = [];

    /// <summary>Serves one connection and returns the DATA it received, dot-unstuffed.</summary>
    public async Task<string> ReceiveOneAsync(CancellationToken cancellationToken)
    {
        using var connection = await _listener.AcceptTcpClientAsync(cancellationToken);
        await using var stream = connection.GetStream();
        using var reader = new StreamReader(stream, Encoding.Latin1);
        await using var writer = new StreamWriter(stream, Encoding.Latin1) { NewLine = "\r\n", AutoFlush = true };

        await writer.WriteLineAsync("220 localhost test ESMTP");
        var data = new StringBuilder();
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            Commands.Add(line);
            var verb = line.Split(' ', 2)[0].ToUpperInvariant();
            switch (verb)
            {
                case "EHLO":
                    await writer.WriteLineAsync("250 localhost");
                    break;
                case "DATA":
                    await writer.WriteLineAsync("354 end with <CRLF>.<CRLF>");
                    while (await reader.ReadLineAsync(cancellationToken) is { } dataLine && dataLine != ".")
                    {
                        data.Append(dataLine.StartsWith('.') ? dataLine[1..] : dataLine).Append("\r\n");
                    }

                    await writer.WriteLineAsync("250 queued");
                    break;
                case "QUIT":
                    await writer.WriteLineAsync("221 bye");
                    return data.ToString();
                default:
                    await writer.WriteLineAsync("250 ok");
                    break;
            }
        }

        return data.ToString();
    }

    public void Dispose() => _listener.Stop();
}
