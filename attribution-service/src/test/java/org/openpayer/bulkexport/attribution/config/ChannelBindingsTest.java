package org.openpayer.bulkexport.attribution.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openpayer.bulkexport.model.event.Topic;

import java.io.InputStream;
import java.util.Properties;

/**
 * The bookkeeping channel is bound by name in application.properties: it must read shared-model's export-completed
 * topic, and only run while the bookkeeping switch is on.
 */
class ChannelBindingsTest {

    private static final String CHANNEL = "mp.messaging.incoming.completed-exports.";

    @Test
    void completedExports_readsExportCompleted_andFollowsTheSwitch() throws Exception {
        // given
        Properties properties = new Properties();
        try (InputStream in = ChannelBindingsTest.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        }

        // then
        assertThat(properties.getProperty(CHANNEL + "topic")).isEqualTo(Topic.EXPORT_COMPLETED.topicName());
        assertThat(properties.getProperty(CHANNEL + "enabled")).isEqualTo("${attribution.pdex.download-bookkeeping}");
        assertThat(properties.getProperty("attribution.pdex.download-bookkeeping"))
                .isEqualTo("${ATTRIBUTION_PDEX_DOWNLOAD_BOOKKEEPING:true}");
    }
}
