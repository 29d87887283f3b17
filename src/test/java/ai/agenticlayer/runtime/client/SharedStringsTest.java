package ai.agenticlayer.runtime.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SharedStringsTest {

    @Test
    void anEqualValueComesBackAsTheInstanceHandedOutBefore() {
        SharedStrings strings = new SharedStrings(64);
        String first = strings.share(copyOf("apps/v1"));

        String second = strings.share(copyOf("apps/v1"));

        assertThat(second).isSameAs(first);
    }

    @Test
    void twoValuesOfOneSetBothKeepTheirInstances() {
        SharedStrings strings = new SharedStrings(2);
        String tcp = strings.share(copyOf("TCP"));
        String always = strings.share(copyOf("Always"));

        assertThat(strings.share(copyOf("TCP"))).isSameAs(tcp);
        assertThat(strings.share(copyOf("Always"))).isSameAs(always);
        assertThat(strings.share(copyOf("TCP"))).isSameAs(tcp);
    }

    @Test
    void aThirdValueOfASetReplacesTheOneUsedLeastRecently() {
        SharedStrings strings = new SharedStrings(2);
        String tcp = strings.share(copyOf("TCP"));
        String always = strings.share(copyOf("Always"));
        strings.share(copyOf("TCP"));

        strings.share(copyOf("6b7e0c3a-uid"));

        assertThat(strings.share(copyOf("TCP"))).isSameAs(tcp);
        assertThat(strings.share(copyOf("Always"))).isEqualTo(always).isNotSameAs(always);
    }

    @Test
    void aLongValueIsNotKept() {
        SharedStrings strings = new SharedStrings(64);
        String longest = "x".repeat(SharedStrings.MAX_LENGTH);
        String tooLong = "x".repeat(SharedStrings.MAX_LENGTH + 1);

        assertThat(strings.share(copyOf(longest))).isSameAs(strings.share(longest));
        String first = strings.share(tooLong);
        assertThat(strings.share(copyOf(tooLong))).isNotSameAs(first);
    }

    @Test
    void nullStaysNull() {
        assertThat(new SharedStrings(64).share(null)).isNull();
    }

    @Test
    void theTableSizeIsAPowerOfTwo() {
        assertThatThrownBy(() -> new SharedStrings(100)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SharedStrings(1)).isInstanceOf(IllegalArgumentException.class);
    }

    /** A new instance, as the JSON parser makes for every value it decodes. */
    private static String copyOf(String value) {
        return new String(value.toCharArray());
    }
}
