package de.meldedesk.importing;

/**
 * Scans the bytes of one workbook part for namespace declarations
 * ({@code xmlns="…"} or {@code xmlns:x="…"}) with a value longer than
 * {@link #MAX_URI_BYTES}, and for parts in UTF-16.
 *
 * <p>The cell reader parses every workbook with one shared aalto-xml factory,
 * which keeps up to 716 namespace URIs for the life of the program. A file
 * with megabytes inside a namespace declaration would stay in memory after
 * the import, so such a file is rejected before the reader opens it. Excel and
 * LibreOffice write UTF-8 with namespace URIs under 100 characters. UTF-16
 * parts are rejected too, because this byte scan cannot see into them.
 */
final class XmlNamespaceGuard {

    /** Maximum length of a namespace URI in bytes, far above the URIs of any real workbook. */
    static final int MAX_URI_BYTES = 2048;

    private static final byte[] XMLNS = {'x', 'm', 'l', 'n', 's'};

    private enum State { SEEK, NAME, EQUALS, VALUE }

    private State state = State.SEEK;
    private int matched;
    private byte quote;
    private int valueBytes;
    private final byte[] head = new byte[4];
    private int headBytes;

    /**
     * Feeds the next bytes of the part.
     *
     * @throws UnreadableFileException when a namespace URI is too long or the part is in UTF-16
     */
    void feed(byte[] bytes, int offset, int length) throws UnreadableFileException {
        for (int i = offset; i < offset + length; i++) {
            byte b = bytes[i];
            if (headBytes < head.length) {
                head[headBytes++] = b;
                if (headBytes == head.length && isUtf16(head)) {
                    throw new UnreadableFileException("import.xlsx.damaged");
                }
            }
            step(b);
        }
    }

    private void step(byte b) throws UnreadableFileException {
        switch (state) {
            case SEEK -> {
                if (b == XMLNS[matched]) {
                    matched++;
                    if (matched == XMLNS.length) {
                        matched = 0;
                        state = State.NAME;
                    }
                } else {
                    matched = b == XMLNS[0] ? 1 : 0;
                }
            }
            case NAME -> {
                if (b == '=') {
                    state = State.EQUALS;
                } else if (!isNameOrSpace(b)) {
                    reset(b);
                }
            }
            case EQUALS -> {
                if (b == '"' || b == '\'') {
                    quote = b;
                    valueBytes = 0;
                    state = State.VALUE;
                } else if (!isSpace(b)) {
                    reset(b);
                }
            }
            case VALUE -> {
                if (b == quote) {
                    state = State.SEEK;
                } else if (++valueBytes > MAX_URI_BYTES) {
                    throw new UnreadableFileException("import.xlsx.damaged");
                }
            }
            default -> throw new IllegalStateException(state.name());
        }
    }

    /** Goes back to looking for a declaration, starting with the byte that ended the last try. */
    private void reset(byte b) throws UnreadableFileException {
        state = State.SEEK;
        matched = 0;
        step(b);
    }

    /** Returns whether the first four bytes are a UTF-16 byte order mark or "<?" in UTF-16. */
    private static boolean isUtf16(byte[] first) {
        int b0 = first[0] & 0xFF;
        int b1 = first[1] & 0xFF;
        return (b0 == 0xFE && b1 == 0xFF) || (b0 == 0xFF && b1 == 0xFE)
                || (b0 == 0 && b1 == '<') || (b0 == '<' && b1 == 0);
    }

    private static boolean isNameOrSpace(byte b) {
        return isSpace(b) || b == ':' || b == '-' || b == '_' || b == '.' || (b >= '0' && b <= '9')
                || (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || b < 0;
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }
}
