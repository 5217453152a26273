package org.karyoloop.platform.audit;

/**
 * User-supplied text for a log line: quoted, with line breaks, control characters and quotes escaped as in JSON,
 * so that a reason or a name can never end a log line and forge the next one.
 */
public final class LogText {

    private LogText() {
    }

    /** {@code text} in double quotes, escaped; {@code null} as the bare word null. */
    public static String quoted(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
