using System.Text;

namespace LeadAnalytics.Csv;

/// <summary>
/// Sits between the decoder and the CSV tokenizer and does two things the tokenizer does not:
/// <list type="bullet">
/// <item>A bare carriage return (CR not followed by LF) outside quotes becomes a line break, as Python's csv, pandas and R read
/// it (old Mac line ends, or a CR pasted into a cell): never a silent merge of two rows into one cell. Inside quotes it stays
/// text.</item>
/// <item>Bytes the encoding cannot decode stop the import with the true line and byte offset: the decoder marks them
/// (<see cref="MarkingDecoderFallback"/>) instead of throwing for a whole 64 KiB block, and this reader counts the line breaks
/// and the bytes of the text it has passed on.</item>
/// </list>
/// </summary>
/// <remarks>Quotes are tracked by parity (each <c>"</c> toggles), which is exact for RFC 4180 files; a stray quote inside an
/// unquoted cell only changes how a later bare CR is read.</remarks>
internal sealed class CheckedTextReader : TextReader
{
    private const char Marker = MarkingDecoderFallback.Marker;
    private readonly TextReader _inner;
    private readonly bool _leaveOpen;
    private readonly MarkingDecoderFallback? _fallback;
    private readonly Encoding? _encoding;

    // Counts bytes without ever throwing (a lone surrogate counts as its replacement); a high surrogate ending one block is
    // carried to the next, so a pair split across blocks counts as the pair.
    private readonly Encoding? _counter;
    private char _carry;
    private readonly string? _file;
    private readonly long _preambleBytes;
    private bool _quoted;
    private long _lines;
    private long _bytes;

    public CheckedTextReader(TextReader inner, bool leaveOpen, Encoding? encoding, MarkingDecoderFallback? fallback, long preambleBytes, string? file)
    {
        _inner = inner;
        _leaveOpen = leaveOpen;
        _encoding = encoding;
        if (encoding is not null)
        {
            _counter = (Encoding)encoding.Clone();
            _counter.EncoderFallback = EncoderFallback.ReplacementFallback;
        }

        _fallback = fallback;
        _preambleBytes = preambleBytes;
        _file = file;
    }

    public override int Peek() => _inner.Peek();

    public override int Read()
    {
        var c = _inner.Read();
        if (c < 0)
        {
            return c;
        }

        var one = new[] { (char)c };
        Process(one, 0, 1);
        return one[0];
    }

    public override int Read(char[] buffer, int index, int count)
    {
        var n = _inner.Read(buffer, index, count);
        if (n > 0)
        {
            Process(buffer, index, n);
        }

        return n;
    }

    private void Process(char[] buffer, int index, int count)
    {
        var span = new ReadOnlySpan<char>(buffer, index, count);
        var start = 0;
        while (true)
        {
            var k = span.Slice(start).IndexOfAny('"', '\r', Marker);
            if (k < 0)
            {
                break;
            }

            var i = start + k;
            switch (span[i])
            {
                case '"':
                    _quoted = !_quoted;
                    break;
                case '\r':
                    if (!_quoted)
                    {
                        var next = i + 1 < span.Length ? span[i + 1] : _inner.Peek();
                        if (next != '\n')
                        {
                            buffer[index + i] = '\n';
                        }
                    }

                    break;
                default:
                    if (_fallback is { Failed: true })
                    {
                        Fail(buffer, index, i);
                    }

                    break;
            }

            start = i + 1;
        }

        _lines += Count(span, '\n');
        if (_counter is not null && _fallback is not null)
        {
            _bytes += Bytes(buffer, index, count, carryOver: true);
        }
    }

    // The bytes of chars[index, index + count) in the file's encoding, with the high surrogate carried from the previous block.
    private long Bytes(char[] chars, int index, int count, bool carryOver)
    {
        long bytes = 0;
        var carry = _carry;
        if (carry != '\0' && count > 0)
        {
            if (char.IsLowSurrogate(chars[index]))
            {
                bytes += _counter!.GetByteCount(new[] { carry, chars[index] });
                index++;
                count--;
            }
            else
            {
                bytes += _counter!.GetByteCount(new[] { carry });
            }

            carry = '\0';
        }

        if (count > 0 && char.IsHighSurrogate(chars[index + count - 1]))
        {
            carry = chars[index + count - 1];
            count--;
        }

        bytes += count > 0 ? _counter!.GetByteCount(chars, index, count) : 0;
        if (carryOver)
        {
            _carry = carry;
        }

        return bytes;
    }

    private void Fail(char[] buffer, int index, int i)
    {
        var before = new ReadOnlySpan<char>(buffer, index, i);
        var line = _lines + 1 + Count(before, '\n');
        var offset = _preambleBytes + _bytes + Bytes(buffer, index, i, carryOver: false);
        var bytes = _fallback!.FailedBytes;
        throw new CsvImportException(
            $"The bytes {bytes} at line {line} (byte offset {offset}) are not valid {_encoding!.WebName}; set CsvReadOptions.Encoding to the encoding the file was saved in.",
            _file, line);
    }

    private static long Count(ReadOnlySpan<char> span, char c)
    {
#if NET8_0_OR_GREATER
        return span.Count(c);
#else
        long n = 0;
        foreach (var x in span)
        {
            n += x == c ? 1 : 0;
        }

        return n;
#endif
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

/// <summary>A decoder fallback that replaces undecodable bytes with U+FFFF (a noncharacter no text file should hold) and
/// remembers that it did, so <see cref="CheckedTextReader"/> can stop at the exact place.</summary>
internal sealed class MarkingDecoderFallback : DecoderFallback
{
    public const char Marker = '\uFFFF';

    public bool Failed { get; private set; }

    public string FailedBytes { get; private set; } = string.Empty;

    public override int MaxCharCount => 1;

    public override DecoderFallbackBuffer CreateFallbackBuffer() => new Buffer(this);

    private sealed class Buffer : DecoderFallbackBuffer
    {
        private readonly MarkingDecoderFallback _owner;
        private bool _pending;

        public Buffer(MarkingDecoderFallback owner) => _owner = owner;

        public override int Remaining => _pending ? 1 : 0;

        public override bool Fallback(byte[] bytesUnknown, int index)
        {
            if (!_owner.Failed)
            {
                _owner.Failed = true;
                _owner.FailedBytes = string.Join(" ", bytesUnknown.Select(b => "0x" + b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture)));
            }

            _pending = true;
            return true;
        }

        public override char GetNextChar()
        {
            if (!_pending)
            {
                return '\0';
            }

            _pending = false;
            return Marker;
        }

        public override bool MovePrevious() => false;

        public override void Reset() => _pending = false;
    }
}
