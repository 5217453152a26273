package org.karyoloop.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogTextTest {

    @Test
    void aReasonWithALineBreakCannotForgeAnotherLogLine() {
        String forged = "probe\n21:40:00.000 ERROR [org.karyoloop] FORGED LOG LINE";
        String quoted = LogText.quoted(forged);
        assertThat(quoted).doesNotContain("\n").startsWith("\"probe\\n21:40").endsWith("LINE\"");
    }

    @Test
    void controlCharactersQuotesAndBackslashesAreEscapedAndPlainTextIsKept() {
        assertThat(LogText.quoted("a\r\tb\u0007\u2028\"c\\")).isEqualTo("\"a\\r\\tb\\u0007\\u2028\\\"c\\\\\"");
        assertThat(LogText.quoted("canary löst, 90 %")).isEqualTo("\"canary löst, 90 %\"");
        assertThat(LogText.quoted(null)).isEqualTo("null");
    }
}
