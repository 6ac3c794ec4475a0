using System.Text;

namespace LeadAnalytics.Csv;

/// <summary>Turns bytes into text: the byte order mark if there is one, else the encoding given, else UTF-8 when the first
/// 64 KiB are valid UTF-8 and GB18030 (what Excel on Chinese Windows saves) when they are not. Then finds the delimiter.</summary>
internal static class TextSource
{
    private const int SniffBytes = 64 * 1024;

    static TextSource()
    {
        // GB18030 and GBK live in CodePagesEncodingProvider on .NET (Core) and netstandard2.0; registering twice is harmless.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    /// <summary>GB18030 with exception fallbacks, so a wrong guess is reported instead of decoded to replacement characters.</summary>
    public static Encoding Gb18030 => Encoding.GetEncoding(54936, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);

    public static Encoding StrictUtf8 { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static TextReader Open(Stream stream, Encoding? encoding, bool leaveOpen, out Encoding used, string? file = null) =>
        Open(stream, encoding, leaveOpen, out used, out _, file);

    /// <summary>As <see cref="Open(Stream, Encoding?, bool, out Encoding, string?)"/>, with the length of the byte order mark skipped.</summary>
    public static TextReader Open(Stream stream, Encoding? encoding, bool leaveOpen, out Encoding used, out int preambleBytes, string? file = null)
    {
        var prefix = new byte[SniffBytes];
        var count = 0;
        int read;
        while (count < prefix.Length && (read = stream.Read(prefix, count, prefix.Length - count)) > 0)
        {
            count += read;
        }

        // A byte order mark decides (UTF-32 before UTF-16: FF FE 00 00 starts both); it is skipped here, so the decoder below is
        // the one chosen, with its strict fallback, never one the StreamReader would pick by itself.
        var bom = ByteOrderMark(prefix, count, out var preamble);
        preambleBytes = preamble;
        used = bom ?? encoding ?? Detect(prefix, count, count < prefix.Length);
        var fallback = new MarkingDecoderFallback();
        var decoding = (Encoding)used.Clone();
        decoding.DecoderFallback = fallback;
        var combined = new PrefixStream(prefix, count, stream, leaveOpen, preamble);
        var reader = new StreamReader(combined, decoding, detectEncodingFromByteOrderMarks: false, bufferSize: 64 * 1024, leaveOpen: false);
        return new CheckedTextReader(reader, leaveOpen: false, decoding, fallback, preamble, file);
    }

    private static Encoding? ByteOrderMark(byte[] b, int n, out int length)
    {
        length = 0;
        if (n >= 4 && b[0] == 0xFF && b[1] == 0xFE && b[2] == 0 && b[3] == 0)
        {
            length = 4;
            return new UTF32Encoding(bigEndian: false, byteOrderMark: false, throwOnInvalidCharacters: true);
        }

        if (n >= 4 && b[0] == 0 && b[1] == 0 && b[2] == 0xFE && b[3] == 0xFF)
        {
            length = 4;
            return new UTF32Encoding(bigEndian: true, byteOrderMark: false, throwOnInvalidCharacters: true);
        }

        if (HasUtf8Bom(b, n))
        {
            length = 3;
            return StrictUtf8;
        }

        if (n >= 2 && b[0] == 0xFF && b[1] == 0xFE)
        {
            length = 2;
            return new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true);
        }

        if (n >= 2 && b[0] == 0xFE && b[1] == 0xFF)
        {
            length = 2;
            return new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true);
        }

        return null;
    }

    private static bool HasUtf8Bom(byte[] b, int n) => n >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF;

    private static Encoding Detect(byte[] bytes, int count, bool complete)
    {
        // Only valid UTF-8 counts as UTF-8; a sequence cut by the end of the sniffed prefix is not a fault.
        var decoder = StrictUtf8.GetDecoder();
        try
        {
            var chars = new char[StrictUtf8.GetMaxCharCount(count)];
            decoder.GetChars(bytes, 0, count, chars, 0, flush: complete);
            return StrictUtf8;
        }
        catch (DecoderFallbackException)
        {
            return Gb18030;
        }
    }

    /// <summary>Picks the delimiter of a header line: the most frequent of comma, semicolon and tab outside quotes; ties go to
    /// the earlier in that list; none means comma.</summary>
    public static char DetectDelimiter(string headerLine)
    {
        int comma = 0, semicolon = 0, tab = 0;
        var quoted = false;
        foreach (var c in headerLine)
        {
            switch (c)
            {
                case '"':
                    quoted = !quoted;
                    break;
                case ',' when !quoted:
                    comma++;
                    break;
                case ';' when !quoted:
                    semicolon++;
                    break;
                case '\t' when !quoted:
                    tab++;
                    break;
            }
        }

        return semicolon > comma && semicolon >= tab ? ';' : tab > comma && tab > semicolon ? '\t' : ',';
    }
}

/// <summary>A stream that replays the bytes already sniffed, then continues with the rest.</summary>
internal sealed class PrefixStream : Stream
{
    private readonly byte[] _prefix;
    private readonly int _count;
    private readonly Stream _inner;
    private readonly bool _leaveOpen;
    private int _position;

    public PrefixStream(byte[] prefix, int count, Stream inner, bool leaveOpen, int skip = 0)
    {
        _prefix = prefix;
        _count = count;
        _inner = inner;
        _leaveOpen = leaveOpen;
        _position = Math.Min(skip, count);
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (_position < _count)
        {
            var n = Math.Min(count, _count - _position);
            Buffer.BlockCopy(_prefix, _position, buffer, offset, n);
            _position += n;
            return n;
        }

        return _inner.Read(buffer, offset, count);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_leaveOpen)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }
}

/// <summary>A text reader that replays the characters already read to find the header, then continues with the rest.</summary>
internal sealed class PrefixTextReader : TextReader
{
    private readonly string _prefix;
    private readonly TextReader _inner;
    private readonly bool _leaveOpen;
    private int _position;

    public PrefixTextReader(string prefix, TextReader inner, bool leaveOpen)
    {
        _prefix = prefix;
        _inner = inner;
        _leaveOpen = leaveOpen;
    }

    public override int Peek() => _position < _prefix.Length ? _prefix[_position] : _inner.Peek();

    public override int Read() => _position < _prefix.Length ? _prefix[_position++] : _inner.Read();

    public override int Read(char[] buffer, int index, int count)
    {
        if (_position < _prefix.Length)
        {
            var n = Math.Min(count, _prefix.Length - _position);
            _prefix.CopyTo(_position, buffer, index, n);
            _position += n;
            return n;
        }

        return _inner.Read(buffer, index, count);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_leaveOpen)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
