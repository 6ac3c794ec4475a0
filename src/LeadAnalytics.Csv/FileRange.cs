#if NET8_0_OR_GREATER
using Microsoft.Win32.SafeHandles;

namespace LeadAnalytics.Csv;

/// <summary>
/// A read-only stream over one byte range of an open file, reading with <see cref="RandomAccess"/> at explicit offsets, so
/// several threads can read their own ranges of the same handle at once (the parallel import's parts).
/// </summary>
internal sealed class FileRange : Stream
{
    private readonly SafeFileHandle _handle;
    private readonly long _start;
    private readonly long _end;
    private long _position;

    internal FileRange(SafeFileHandle handle, long start, long end)
    {
        _handle = handle;
        _start = start;
        _end = end;
        _position = start;
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => _end - _start;

    public override long Position
    {
        get => _position - _start;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var left = _end - _position;
        if (left <= 0)
        {
            return 0;
        }

        if (buffer.Length > left)
        {
            buffer = buffer.Slice(0, (int)left);
        }

        var n = RandomAccess.Read(_handle, buffer, _position);
        _position += n;
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
#endif
