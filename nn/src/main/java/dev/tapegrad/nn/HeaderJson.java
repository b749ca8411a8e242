package dev.tapegrad.nn;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The little JSON a safetensors header needs, read and written by hand so that {@code nn} needs no
 * JSON library. Reading gives {@code Map<String, Object>} (insertion order), {@code List<Object>},
 * {@code String}, {@code Long} (integers), {@code Double}, {@code Boolean} or {@code null}; errors name
 * the byte offset in the file.
 */
final class HeaderJson {
    /** Nesting deeper than this is not a safetensors header; bounds the reader's recursion. */
    private static final int MAX_DEPTH = 16;

    private final String text;
    private final long base;
    private int pos;

    private HeaderJson(String text, long base) {
        this.text = text;
        this.base = base;
    }

    /**
     * Parses a header that is one JSON object, possibly followed by spaces (safetensors pads the header
     * to a multiple of 8 bytes).
     *
     * @param base the file offset of the header's first byte, for messages
     */
    static Map<String, Object> parseObject(byte[] utf8, long base) throws CheckpointException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(utf8)).toString();
        } catch (CharacterCodingException e) {
            throw new CheckpointException("checkpoint: malformed header at byte offset " + base
                    + ": the header is not valid UTF-8");
        }
        HeaderJson r = new HeaderJson(text, base);
        r.skipSpace();
        if (r.peek() != '{') {
            throw r.error("expected '{' to start the header");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> obj = (Map<String, Object>) r.value(0);
        r.skipSpace();
        if (r.pos != r.text.length()) {
            throw r.error("unexpected text after the header's closing '}'");
        }
        return obj;
    }

    private Object value(int depth) throws CheckpointException {
        if (depth > MAX_DEPTH) {
            throw error("nesting deeper than " + MAX_DEPTH);
        }
        skipSpace();
        char c = peek();
        switch (c) {
            case '{':
                return object(depth);
            case '[':
                return array(depth);
            case '"':
                return string();
            case 't':
                return literal("true", Boolean.TRUE);
            case 'f':
                return literal("false", Boolean.FALSE);
            case 'n':
                return literal("null", null);
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number();
                }
                throw error(c == 0 ? "unexpected end of header" : "unexpected character '" + c + "'");
        }
    }

    private Map<String, Object> object(int depth) throws CheckpointException {
        pos++;
        Map<String, Object> m = new LinkedHashMap<>();
        skipSpace();
        if (peek() == '}') {
            pos++;
            return m;
        }
        while (true) {
            skipSpace();
            if (peek() != '"') {
                throw error("expected a quoted key");
            }
            int keyAt = pos;
            String key = string();
            skipSpace();
            expect(':');
            Object v = value(depth + 1);
            if (m.containsKey(key)) {
                pos = keyAt;
                throw error("duplicate key \"" + key + "\"");
            }
            m.put(key, v);
            skipSpace();
            if (peek() == ',') {
                pos++;
            } else if (peek() == '}') {
                pos++;
                return m;
            } else {
                throw error("expected ',' or '}' in an object");
            }
        }
    }

    private List<Object> array(int depth) throws CheckpointException {
        pos++;
        List<Object> list = new ArrayList<>();
        skipSpace();
        if (peek() == ']') {
            pos++;
            return list;
        }
        while (true) {
            list.add(value(depth + 1));
            skipSpace();
            if (peek() == ',') {
                pos++;
            } else if (peek() == ']') {
                pos++;
                return list;
            } else {
                throw error("expected ',' or ']' in an array");
            }
        }
    }

    private String string() throws CheckpointException {
        pos++;
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw error("unterminated string");
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                return sb.toString();
            }
            if (c < 0x20) {
                pos--;
                throw error("control character in a string");
            }
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            char e = pos < text.length() ? text.charAt(pos++) : 0;
            switch (e) {
                case '"', '\\', '/' -> sb.append(e);
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> {
                    if (pos + 4 > text.length()) {
                        throw error("truncated \\u escape");
                    }
                    try {
                        sb.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                    } catch (NumberFormatException ex) {
                        throw error("bad \\u escape");
                    }
                    pos += 4;
                }
                default -> {
                    pos--;
                    throw error("bad escape in a string");
                }
            }
        }
    }

    private Object number() throws CheckpointException {
        int start = pos;
        while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
        String s = text.substring(start, pos);
        try {
            if (s.matches("-?(0|[1-9][0-9]*)")) {
                return Long.parseLong(s);
            }
            if (s.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?")) {
                return Double.parseDouble(s);
            }
        } catch (NumberFormatException e) {
            // falls through to the error below: an integer too large for a long
        }
        pos = start;
        throw error("bad number '" + s + "'");
    }

    private Object literal(String word, Object v) throws CheckpointException {
        if (!text.startsWith(word, pos)) {
            throw error("unexpected word");
        }
        pos += word.length();
        return v;
    }

    private void expect(char c) throws CheckpointException {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : 0;
    }

    private void skipSpace() {
        while (pos < text.length() && " \t\r\n".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
    }

    private CheckpointException error(String what) {
        String before = text.substring(0, Math.min(pos, text.length()));
        long offset = base + before.getBytes(StandardCharsets.UTF_8).length;
        return new CheckpointException("checkpoint: malformed header at byte offset " + offset + ": " + what);
    }

    /** {@code s} as a JSON string literal, quotes included. */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }
}
