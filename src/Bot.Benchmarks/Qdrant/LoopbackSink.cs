using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Bot.Benchmarks.Qdrant;

/// <summary>
/// A minimal HTTP/1.1 server on 127.0.0.1 that reads and discards request bodies and answers each
/// request with a canned body chosen by <see cref="answer"/>. Cheap on purpose; it runs in a child process
/// (<see cref="SinkProcess"/>) so its CPU time is measured apart from the client's.
/// </summary>
internal sealed class LoopbackSink : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly Func<string, string, byte[]> answer;
    private readonly Task accepting;
    private long bytesReceived;
    private int requests;

    public LoopbackSink(Func<string, string, byte[]> answer)
    {
        this.answer = answer;
        listener.Start();
        Url = new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}");
        accepting = AcceptAsync();
    }

    public Uri Url { get; }
    public long BytesReceived => Interlocked.Read(ref bytesReceived);
    public int Requests => Volatile.Read(ref requests);

    private async Task AcceptAsync()
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var client = await listener.AcceptTcpClientAsync(stop.Token);
                _ = Task.Run(() => ServeAsync(client));
            }
        }
        catch (OperationCanceledException) { }
        catch (SocketException) { }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        var buffer = new byte[256 * 1024];
        var filled = 0;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                int headerEnd;
                while ((headerEnd = buffer.AsSpan(0, filled).IndexOf("\r\n\r\n"u8)) < 0)
                {
                    var read = await stream.ReadAsync(buffer.AsMemory(filled), stop.Token);
                    if (read == 0) return;
                    filled += read;
                }
                var head = Encoding.ASCII.GetString(buffer, 0, headerEnd);
                var lines = head.Split("\r\n");
                var requestLine = lines[0].Split(' ');
                var length = lines.Skip(1).Select(l => l.Split(':', 2)).Where(p => p.Length == 2 && p[0].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
                    .Select(p => long.Parse(p[1].Trim())).FirstOrDefault();
                var consumed = headerEnd + 4;
                var bodyInBuffer = (int)Math.Min(length, filled - consumed);
                var remaining = length - bodyInBuffer;
                var leftover = filled - consumed - bodyInBuffer;
                Buffer.BlockCopy(buffer, consumed + bodyInBuffer, buffer, 0, leftover);
                filled = leftover;
                while (remaining > 0)
                {
                    var read = await stream.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, remaining)), stop.Token);
                    if (read == 0) return;
                    remaining -= read;
                }
                Interlocked.Add(ref bytesReceived, consumed + length);
                Interlocked.Increment(ref requests);
                var body = answer(requestLine[0], requestLine[1]);
                var response = Encoding.ASCII.GetBytes($"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\n\r\n");
                await stream.WriteAsync(response, stop.Token);
                await stream.WriteAsync(body, stop.Token);
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or SocketException) { }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        await accepting;
        stop.Dispose();
    }
}
