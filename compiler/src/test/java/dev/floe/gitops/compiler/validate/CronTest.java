package dev.floe.gitops.compiler.validate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CronTest {
    @Test
    void acceptsFiveFieldExpressionsWithinRange() {
        for (String ok : new String[] {"0 6 * * *", "*/15 0-23 1,15 1-12 0-7", "59 23 31 12 7", "0 0 * * 1-5/2"}) {
            assertThat(Cron.check(ok)).as(ok).isEmpty();
        }
    }

    @Test
    void rejectsOutOfRangeValuesWrongFieldCountsNamesAndMacros() {
        assertThat(Cron.check("61 * * * *")).hasValue("minute value 61 is out of range 0-59");
        assertThat(Cron.check("0 24 * * *")).hasValue("hour value 24 is out of range 0-23");
        assertThat(Cron.check("0 0 0 * *")).hasValue("day-of-month value 0 is out of range 1-31");
        assertThat(Cron.check("0 0 * 13 *")).isPresent();
        assertThat(Cron.check("0 0 * * 8")).isPresent();
        assertThat(Cron.check("0 0 * * MON")).isPresent();
        assertThat(Cron.check("@daily")).isPresent();
        assertThat(Cron.check("0 0 * * * *")).isPresent();
        assertThat(Cron.check("*/0 * * * *")).isPresent();
        assertThat(Cron.check("5-1 * * * *")).isPresent();
    }

    @Test
    void suggestsTheNearestKnownWord() {
        assertThat(DidYouMean.nearest("catalog", java.util.List.of("storage", "catalogs", "compute"))).hasValue("catalogs");
        assertThat(DidYouMean.nearest("zzzzzz", java.util.List.of("storage", "catalogs"))).isEmpty();
    }
}
