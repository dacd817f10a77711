package org.openpayer.bulkexport.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    @Test
    void parse_noArguments_returnsTheDefaults() {
        assertThat(BenchOptions.parse()).isEqualTo(new BenchOptions(20_000, 16, 20_000, "-Xmx384m -XX:+UseSerialGC"));
    }

    @Test
    void parse_bothOptionForms_overrideTheDefaults() {
        // when
        BenchOptions options = BenchOptions.parse("--requests", "500", "--concurrency=4", "--warmup", "0",
                "--auth-jvm-opts=-Xmx512m -XX:+UseParallelGC");

        // then
        assertThat(options).isEqualTo(new BenchOptions(500, 4, 0, "-Xmx512m -XX:+UseParallelGC"));
    }

    @Test
    void parse_unknownOption_isRefused() {
        assertThatThrownBy(() -> BenchOptions.parse("--threads", "8"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--threads");
    }

    @Test
    void parse_optionWithoutValue_isRefused() {
        assertThatThrownBy(() -> BenchOptions.parse("--requests"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a value");
    }

    @Test
    void parse_zeroConcurrencyOrText_isRefused() {
        assertThatThrownBy(() -> BenchOptions.parse("--concurrency", "0"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> BenchOptions.parse("--requests", "many"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("whole number");
    }

    @Test
    void wantsHelp_helpAnywhere_isTrue() {
        assertThat(BenchOptions.wantsHelp("--requests", "5", "--help")).isTrue();
        assertThat(BenchOptions.wantsHelp("--requests", "5")).isFalse();
    }
}
