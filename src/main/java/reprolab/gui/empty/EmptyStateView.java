package reprolab.gui.empty;

import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import reprolab.lesson.Lesson;

/** A card that says what to do while a tab is empty: the hint and the lessons to start with, as links. */
public final class EmptyStateView {

    private final EmptyStateViewModel vm;

    public EmptyStateView(EmptyStateViewModel vm) {
        this.vm = vm;
    }

    /**
     * The content with the card over its middle while {@code empty} holds; the content is used as usual
     * once it is not.
     *
     * @param id the card's id, e.g. {@code curvesEmpty}; its text has the id {@code id + "Text"}
     */
    public StackPane over(Node content, String id, ObservableStringValue hint, ObservableBooleanValue empty) {
        VBox card = card(id, hint);
        StackPane holder = new StackPane(card);
        holder.setPickOnBounds(false);
        holder.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(empty::get, empty));
        holder.managedProperty().bind(holder.visibleProperty());
        return new StackPane(content, holder);
    }

    /** The card alone, e.g. as a table's placeholder. */
    public VBox card(String id, ObservableStringValue hint) {
        Label text = new Label();
        text.setId(id + "Text");
        text.setWrapText(true);
        text.getStyleClass().add("empty-state-text");
        text.textProperty().bind(hint);
        VBox card = new VBox(8, text);
        Label start = new Label("Lessons to start with (they fill in the settings):");
        start.getStyleClass().add("hint");
        card.getChildren().add(start);
        for (Lesson lesson : vm.starterLessons()) {
            Hyperlink link = new Hyperlink(lesson.title());
            link.setId(id + "-lesson-" + lesson.id());
            link.setOnAction(e -> vm.open(lesson));
            card.getChildren().add(link);
        }
        card.setId(id);
        card.getStyleClass().add("empty-state");
        card.setMaxSize(560, javafx.scene.layout.Region.USE_PREF_SIZE);
        card.setAlignment(Pos.CENTER_LEFT);
        return card;
    }
}
