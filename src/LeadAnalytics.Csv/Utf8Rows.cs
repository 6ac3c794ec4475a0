#if NET8_0_OR_GREATER
namespace LeadAnalytics.Csv;

/// <summary>
/// The data rows of a UTF-8 tracking table read straight from its bytes, for files that need none of the general reader's
/// care: no quote, no carriage return, valid UTF-8 without U+FFFF. Each line up to <c>\n</c> is one record; its bytes are
/// transcoded once into the batch and split at the delimiter where they lie (no tokenizer, no text reader, no copy per
/// cell). The first line that is not that simple stops it with <see cref="NotSimpleException"/>, and the import starts
/// again on the general reader (<see cref="LeadTableImport"/>), so results are the general reader's in every case.
/// </summary>
internal sealed class Utf8Rows
{
    // A line longer than this is left to the general reader (which reports records over its own limit).
    private const int MaxLineBytes = 1 << 24;
    private static readonly byte[] Noncharacter = { 0xEF, 0xBF, 0xBF };
    private readonly Stream _stream;
    private readonly int _readSize;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private bool _eof;

    /// <param name="stream">The stream, positioned at the first byte after the header line.</param>
    /// <param name="readSize">Bytes per read (an internal knob: tests force tiny reads so lines straddle them).</param>
    internal Utf8Rows(Stream stream, int readSize = 1 << 20)
    {
        _stream = stream;
        _readSize = Math.Max(1, readSize);
        _buffer = new byte[Math.Max(_readSize, 16)];
    }

    /// <summary>Thrown at the first line the fast reader does not take.</summary>
    internal sealed class NotSimpleException : Exception
    {
        internal NotSimpleException()
            : base("The line needs the general CSV reader.")
        {
        }
    }

    /// <summary>Whether the delimiter can be split on in bytes.</summary>
    internal static bool Supports(char delimiter) => delimiter < 0x80 && delimiter is not ('"' or '\r' or '\n');

    /// <summary>The next line's bytes without its <c>\n</c>; false at the end of the stream.</summary>
    internal bool TryReadLine(out ReadOnlySpan<byte> line)
    {
        var searched = 0;
        while (true)
        {
            var pending = new ReadOnlySpan<byte>(_buffer, _start, _end - _start);
            var k = pending.Slice(searched).IndexOf((byte)'\n');
            if (k >= 0)
            {
                line = pending.Slice(0, searched + k);
                _start += searched + k + 1;
                Check(line);
                return true;
            }

            searched = pending.Length;
            if (_eof)
            {
                line = pending;
                _start = _end;
                Check(line);
                return line.Length > 0;
            }

            if (pending.Length > MaxLineBytes)
            {
                throw new NotSimpleException();
            }

            Refill();
        }
    }

    private void Refill()
    {
        var pending = _end - _start;
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, pending);
            _start = 0;
            _end = pending;
        }

        if (_buffer.Length - _end < _readSize)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _end + _readSize));
        }

        var n = _stream.Read(_buffer, _end, _readSize);
        if (n <= 0)
        {
            _eof = true;
        }

        _end += Math.Max(0, n);
    }

    private static void Check(ReadOnlySpan<byte> line)
    {
        // Invalid UTF-8 is found while decoding (RowBatch.AddLine).
        if (line.IndexOfAny((byte)'"', (byte)'\r') >= 0 || line.IndexOf(Noncharacter) >= 0)
        {
            throw new NotSimpleException();
        }
    }
}
#endif
