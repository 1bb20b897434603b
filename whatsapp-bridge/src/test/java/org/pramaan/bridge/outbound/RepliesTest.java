package org.pramaan.bridge.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.pramaan.bridge.outbound.Replies.Button;
import org.pramaan.bridge.outbound.Replies.Row;
import org.pramaan.bridge.outbound.Replies.Section;

class RepliesTest {

    @Test
    void refusesWhatWhatsAppWouldRefuse() {
        assertThatThrownBy(() -> Replies.text("x".repeat(4097))).hasMessageContaining("4096");
        assertThatThrownBy(() -> Replies.buttons("b", List.of(new Button("1", "a"), new Button("2", "b"),
                new Button("3", "c"), new Button("4", "d")))).hasMessageContaining("1 to 3");
        assertThatThrownBy(() -> Replies.buttons("b", List.of(new Button("1", "same"), new Button("2", "same"))))
                .hasMessageContaining("unique");
        assertThatThrownBy(() -> Replies.buttons("b", List.of(new Button("1", "x".repeat(21)))))
                .hasMessageContaining("20");
        List<Row> eleven = IntStream.range(0, 11).mapToObj(i -> new Row("r" + i, "t" + i, null)).toList();
        assertThatThrownBy(() -> Replies.list("b", "Options", null, List.of(new Section(null, eleven))))
                .hasMessageContaining("10 rows");
        assertThatThrownBy(() -> Replies.list("b", "Options", null,
                List.of(new Section(null, List.of(new Row("r", "x".repeat(25), null)))))).hasMessageContaining("24");
        assertThatThrownBy(() -> Replies.list("b", "Options", null,
                List.of(new Section(null, List.of(new Row("r", "t", "d".repeat(73))))))).hasMessageContaining("72");
        assertThatThrownBy(() -> Replies.list("b".repeat(1025), "Options", null,
                List.of(new Section(null, List.of(new Row("r", "t", null)))))).hasMessageContaining("1024");
    }

    @Test
    void fitShortensWithAnEllipsis() {
        assertThat(Replies.fit("Municipal Administration and Urban Development", 24)).hasSize(24).endsWith("…");
        assertThat(Replies.fit("Revenue", 24)).isEqualTo("Revenue");
    }

    @Test
    void buildsTheDocumentedShapes() {
        assertThat(Replies.text("hi").payload()).isEqualTo("{\"type\":\"text\",\"text\":{\"body\":\"hi\",\"preview_url\":false}}");
        assertThat(Replies.readAndTyping("wamid.X").payload())
                .isEqualTo("{\"status\":\"read\",\"message_id\":\"wamid.X\",\"typing_indicator\":{\"type\":\"text\"}}");
        assertThat(Replies.template("pramaan_update", "te", List.of("a")).payload()).isEqualTo(
                "{\"type\":\"template\",\"template\":{\"name\":\"pramaan_update\",\"language\":{\"code\":\"te\"},"
                        + "\"components\":[{\"type\":\"body\",\"parameters\":[{\"type\":\"text\",\"text\":\"a\"}]}]}}");
    }
}
