package de.meldedesk.importing;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes the bytes of a text file without ever using the platform charset
 * and without replacement characters: a byte sequence that does not fit the
 * chosen charset makes the file unreadable in it, with a message saying so.
 */
final class TextDecoder {

    /** Windows-1252, the charset of "CSV (Trennzeichen-getrennt)" from German Excel. */
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /**
     * UTF-8 text decoded once more as Windows-1252 shows "Ã" or "Â" followed by
     * a character of the range 0x80 to 0xBF, such as "Ã¼" for "ü" and "ÃŸ" for "ß".
     */
    private static final Pattern DOUBLE_ENCODED = Pattern.compile("[ÃÂ][\u0080-\u00BF\u0152\u0153\u0160\u0161"
            + "\u0178\u017D\u017E\u0192\u02C6\u02DC\u2013\u2014\u2018-\u201E\u2020-\u2022\u2026\u2030\u2039\u203A"
            + "\u20AC\u2122]");

    /** The decoded text, the charset used, and whether the charset was a guess rather than a byte-order mark. */
    record Decoded(String text, Charset charset, boolean byteOrderMark, boolean guessed) {
    }

    private TextDecoder() {
    }

    static Decoded decode(byte[] bytes, Charset forced) throws UnreadableFileException {
        if (startsWith(bytes, 0xFF, 0xFE, 0x00, 0x00) || startsWith(bytes, 0x00, 0x00, 0xFE, 0xFF)) {
            throw new UnreadableFileException("import.file.utf32");
        }
        Charset bomCharset = null;
        int bomLength = 0;
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            bomCharset = StandardCharsets.UTF_8;
            bomLength = 3;
        } else if (startsWith(bytes, 0xFF, 0xFE)) {
            bomCharset = StandardCharsets.UTF_16LE;
            bomLength = 2;
        } else if (startsWith(bytes, 0xFE, 0xFF)) {
            bomCharset = StandardCharsets.UTF_16BE;
            bomLength = 2;
        }
        if (forced != null) {
            int skip = forced.equals(bomCharset) ? bomLength : 0;
            return new Decoded(strict(bytes, skip, forced), forced, skip > 0, false);
        }
        if (bomCharset != null) {
            return new Decoded(strict(bytes, bomLength, bomCharset), bomCharset, true, false);
        }
        Charset utf16 = guessUtf16(bytes);
        if (utf16 != null) {
            return new Decoded(strict(bytes, 0, utf16), utf16, false, true);
        }
        if (containsNul(bytes)) {
            throw new UnreadableFileException("import.file.binary");
        }
        try {
            return new Decoded(decodeOrThrow(bytes, 0, StandardCharsets.UTF_8), StandardCharsets.UTF_8, false, true);
        } catch (CharacterCodingException notUtf8) {
            return new Decoded(strict(bytes, 0, WINDOWS_1252), WINDOWS_1252, false, true);
        }
    }

    /**
     * Returns the first piece of text that looks like UTF-8 read as
     * Windows-1252 ("Ã¼" for "ü"), or null when there is none.
     */
    static String doubleEncodedSample(String text) {
        Matcher m = DOUBLE_ENCODED.matcher(text);
        if (!m.find()) {
            return null;
        }
        int start = Math.max(0, m.start() - 8);
        int end = Math.min(text.length(), m.end() + 8);
        return text.substring(start, end).replaceAll("\\s+", " ").trim();
    }

    /**
     * Tells whether text contains so many control characters that it is no text
     * file at all, e.g. an image renamed to .csv.
     */
    static boolean looksBinary(String text) {
        int sample = Math.min(text.length(), 64 * 1024);
        int control = 0;
        for (int i = 0; i < sample; i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') {
                control++;
            }
        }
        return control > 0 && control * 100 >= sample;
    }

    private static String strict(byte[] bytes, int offset, Charset charset) throws UnreadableFileException {
        try {
            return decodeOrThrow(bytes, offset, charset);
        } catch (CharacterCodingException e) {
            throw new UnreadableFileException("import.file.encoding", charset.name());
        }
    }

    private static String decodeOrThrow(byte[] bytes, int offset, Charset charset) throws CharacterCodingException {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset));
        return chars.toString();
    }

    /**
     * Recognises UTF-16 without a byte-order mark by its zero bytes: text in
     * Latin script has a zero in every other byte.
     */
    private static Charset guessUtf16(byte[] bytes) {
        int sample = Math.min(bytes.length, 4096) & ~1;
        if (sample < 4) {
            return null;
        }
        int evenZeros = 0;
        int oddZeros = 0;
        for (int i = 0; i < sample; i += 2) {
            evenZeros += bytes[i] == 0 ? 1 : 0;
            oddZeros += bytes[i + 1] == 0 ? 1 : 0;
        }
        int pairs = sample / 2;
        if (oddZeros * 10 >= pairs * 8 && evenZeros * 10 <= pairs) {
            return StandardCharsets.UTF_16LE;
        }
        if (evenZeros * 10 >= pairs * 8 && oddZeros * 10 <= pairs) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    private static boolean containsNul(byte[] bytes) {
        int sample = Math.min(bytes.length, 64 * 1024);
        for (int i = 0; i < sample; i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }

    static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
