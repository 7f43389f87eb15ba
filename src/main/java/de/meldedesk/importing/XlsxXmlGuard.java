package de.meldedesk.importing;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/**
 * Scans the XML parts of one workbook, byte by byte, for what the cell
 * reader's XML parser would keep after the import: element and attribute
 * names, and namespace URIs.
 *
 * <p>fastexcel parses every workbook with one static aalto-xml factory. Its
 * symbol table keeps every distinct name it has ever read, with no limit, and
 * its namespace cache keeps up to 716 URIs, for the life of the program. A
 * damaged file with megabytes inside a name or an {@code xmlns} value would
 * therefore stay in memory after the import. Real workbooks use a few dozen
 * short names and URIs under 100 characters, so a workbook beyond the limits
 * here is reported as damaged before the parser reads it. Parts in UTF-16 are
 * rejected as well, because this byte scan cannot read them. Excel and
 * LibreOffice write UTF-8. Parts that do not start with {@code <} are
 * skipped, so images and other binary parts do not count.
 */
final class XlsxXmlGuard {

    /** Maximum length of an element or attribute name, in bytes. */
    static final int MAX_NAME_BYTES = 256;
    /** Maximum number of distinct names in one workbook. */
    static final int MAX_DISTINCT_NAMES = 2000;
    /** Maximum length of a namespace URI, in bytes. */
    static final int MAX_URI_BYTES = 2048;

    private enum State { START, NOT_XML, TEXT, TAG_START, ELEMENT_NAME, IN_TAG, ATTRIBUTE_NAME, AFTER_ATTRIBUTE_NAME,
        EQUALS, VALUE, SPECIAL }

    private final Set<String> names = new HashSet<>();
    private final byte[] name = new byte[MAX_NAME_BYTES];
    private final byte[] head = new byte[2];
    private State state;
    private int nameBytes;
    private boolean namespace;
    private byte quote;
    private int valueBytes;
    private int headBytes;

    /** Starts the next part of the workbook. */
    void startPart() {
        state = State.START;
        nameBytes = 0;
        headBytes = 0;
    }

    /**
     * Scans the next bytes of the current part.
     *
     * @throws UnreadableFileException when a limit is passed or the part is in UTF-16
     */
    void feed(byte[] bytes, int offset, int length) throws UnreadableFileException {
        for (int i = offset; i < offset + length; i++) {
            byte b = bytes[i];
            if (headBytes < head.length) {
                head[headBytes++] = b;
                if (headBytes == head.length && isUtf16(head[0], head[1])) {
                    throw damaged();
                }
            }
            step(b);
        }
    }

    private void step(byte b) throws UnreadableFileException {
        switch (state) {
            case START -> {
                // Parts are judged by their content, because a relationship may name any part as a sheet.
                if (b == '<') {
                    state = State.TAG_START;
                } else if (!isSpace(b) && !isByteOrderMark(b)) {
                    state = State.NOT_XML;
                }
            }
            case NOT_XML -> {
                // Images and other binary parts are not parsed as XML.
            }
            case TEXT -> {
                if (b == '<') {
                    state = State.TAG_START;
                }
            }
            case TAG_START -> {
                if (b == '!' || b == '?') {
                    state = State.SPECIAL;
                } else if (isNameByte(b)) {
                    beginName(b);
                    state = State.ELEMENT_NAME;
                } else if (b != '/') {
                    state = State.TEXT;
                }
            }
            case ELEMENT_NAME -> {
                if (isNameByte(b)) {
                    addToName(b);
                } else {
                    endName();
                    state = State.IN_TAG;
                    step(b);
                }
            }
            case IN_TAG -> {
                if (b == '>') {
                    state = State.TEXT;
                } else if (isNameByte(b)) {
                    beginName(b);
                    state = State.ATTRIBUTE_NAME;
                }
            }
            case ATTRIBUTE_NAME -> {
                if (isNameByte(b)) {
                    addToName(b);
                } else {
                    namespace = isNamespaceDeclaration();
                    endName();
                    state = State.AFTER_ATTRIBUTE_NAME;
                    step(b);
                }
            }
            case AFTER_ATTRIBUTE_NAME -> {
                if (b == '=') {
                    state = State.EQUALS;
                } else if (!isSpace(b)) {
                    state = State.IN_TAG;
                    step(b);
                }
            }
            case EQUALS -> {
                if (b == '"' || b == '\'') {
                    quote = b;
                    valueBytes = 0;
                    state = State.VALUE;
                } else if (!isSpace(b)) {
                    state = State.IN_TAG;
                    step(b);
                }
            }
            case VALUE -> {
                if (b == quote) {
                    state = State.IN_TAG;
                } else if (namespace && ++valueBytes > MAX_URI_BYTES) {
                    throw damaged();
                }
            }
            case SPECIAL -> {
                if (b == '>') {
                    state = State.TEXT;
                }
            }
            default -> throw new IllegalStateException(state.name());
        }
    }

    private void beginName(byte b) {
        nameBytes = 0;
        name[nameBytes++] = b;
    }

    private void addToName(byte b) throws UnreadableFileException {
        if (nameBytes == MAX_NAME_BYTES) {
            throw damaged();
        }
        name[nameBytes++] = b;
    }

    private void endName() throws UnreadableFileException {
        if (names.size() < MAX_DISTINCT_NAMES) {
            names.add(new String(name, 0, nameBytes, StandardCharsets.ISO_8859_1));
        } else if (!names.contains(new String(name, 0, nameBytes, StandardCharsets.ISO_8859_1))) {
            throw damaged();
        }
    }

    /** Returns whether the attribute name just read is {@code xmlns} or starts with {@code xmlns:}. */
    private boolean isNamespaceDeclaration() {
        boolean prefix = nameBytes >= 5 && name[0] == 'x' && name[1] == 'm' && name[2] == 'l' && name[3] == 'n'
                && name[4] == 's';
        return prefix && (nameBytes == 5 || name[5] == ':');
    }

    /** Returns whether the byte belongs to the UTF-8 byte order mark EF BB BF. */
    private static boolean isByteOrderMark(byte b) {
        int value = b & 0xFF;
        return value == 0xEF || value == 0xBB || value == 0xBF;
    }

    /** Returns whether a part starts with a UTF-16 byte order mark or with "<" in UTF-16. */
    private static boolean isUtf16(byte first, byte second) {
        int b0 = first & 0xFF;
        int b1 = second & 0xFF;
        return (b0 == 0xFE && b1 == 0xFF) || (b0 == 0xFF && b1 == 0xFE) || (b0 == 0 && b1 == '<')
                || (b0 == '<' && b1 == 0);
    }

    /** Returns whether the byte can be part of an XML name; every byte of a multi-byte UTF-8 character can. */
    private static boolean isNameByte(byte b) {
        return b == ':' || b == '-' || b == '_' || b == '.' || (b >= '0' && b <= '9') || (b >= 'A' && b <= 'Z')
                || (b >= 'a' && b <= 'z') || b < 0;
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\n';
    }

    private static UnreadableFileException damaged() {
        return new UnreadableFileException("import.xlsx.damaged");
    }
}
